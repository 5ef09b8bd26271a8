package org.partnershippathways.deployment;

/**
 * A rule a deployment breaks, in words a process owner understands: the file, the element (its id, as Camunda
 * Modeler shows it in the properties panel; the file itself when the rule is about the whole file) and what is
 * wrong.
 */
record BrokenRule(String file, String elementId, String words) {

  @Override
  public String toString() {
    return file + (elementId == null ? "" : " " + elementId) + ": " + words;
  }
}

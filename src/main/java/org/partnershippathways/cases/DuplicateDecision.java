package org.partnershippathways.cases;

/** What a coordinator decided about a case marked as a possible duplicate of another. */
public enum DuplicateDecision {
  /** The same person: the case's concerns join the other case, and the case closes as DUPLICATE. */
  LINKED,
  /** Different people: both cases go on. */
  KEPT_APART
}

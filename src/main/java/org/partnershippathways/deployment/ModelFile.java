package org.partnershippathways.deployment;

import java.nio.charset.StandardCharsets;

/** One file of a deployment: its name (for example {@code consent-check.bpmn}) and its bytes. */
record ModelFile(String name, byte[] content) {

  boolean isBpmn() {
    return name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml");
  }

  boolean isDmn() {
    return name.endsWith(".dmn") || name.endsWith(".dmn11.xml");
  }

  boolean isForm() {
    return name.endsWith(".form");
  }

  String text() {
    return new String(content, StandardCharsets.UTF_8);
  }
}

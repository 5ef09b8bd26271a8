package org.partnershippathways.deployment;

/** A changed decision table to preview: the content of its .dmn file. */
record DecisionImpactRequest(String decisionTable) {
}

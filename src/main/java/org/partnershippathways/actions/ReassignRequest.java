package org.partnershippathways.actions;

/** Body of {@code POST /api/actions/{actionId}/reassign}. */
record ReassignRequest(String agency, String reason) {
}

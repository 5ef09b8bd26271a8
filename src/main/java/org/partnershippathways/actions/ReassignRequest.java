package org.partnershippathways.actions;

/** Body of {@code POST /api/actions/{actionId}/reassign}. */
public record ReassignRequest(String agency, String reason) {
}

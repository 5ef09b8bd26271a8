package org.partnershippathways.actions;

import java.time.LocalDate;

/** Body of {@code POST /api/actions/{actionId}/due-date}. */
record DueDateRequest(LocalDate dueDate, String reason) {
}

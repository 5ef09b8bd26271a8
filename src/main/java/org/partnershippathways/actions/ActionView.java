package org.partnershippathways.actions;

import java.time.Instant;
import java.time.LocalDate;

/** An action as the API shows it. */
record ActionView(String id, String caseId, String meetingId, String description, String owningAgency,
    String priority, LocalDate dueDate, String status, String outcomeReason, int escalationLevel, boolean overdue,
    Instant createdAt, Instant closedAt, String closedBy) {
}

package org.partnershippathways.actions;

import java.time.LocalDate;

/** One row of {@code pathway_action}, as the services need it. */
record ActionRecord(String id, String caseId, String meetingId, String description, String owningAgency,
    String priority, LocalDate dueDate, String status, int escalationLevel, String processInstanceId) {

  boolean isOpen() {
    return ActionStatus.OPEN.name().equals(status);
  }
}

package org.partnershippathways.actions;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.partnershippathways.calendar.UkDates;
import org.partnershippathways.calendar.WorkingDayCalendar;
import org.partnershippathways.notifications.Notifications;
import org.partnershippathways.platform.FieldProblem;
import org.partnershippathways.platform.InvalidTaskInput;
import org.partnershippathways.security.Agency;
import org.partnershippathways.security.PathwayGroups;
import org.springframework.stereotype.Service;

/** What the {@code action-tracking} process does to an action: load it, remind, escalate, close. */
@Service
record ActionTracking(ActionTable records, WorkingDayCalendar calendar, Notifications notifications) {

  static final String REMINDER_SENT = "REMINDER_SENT";
  static final String ESCALATED_AGENCY_MANAGERS = "ESCALATED_AGENCY_MANAGERS";
  static final String ESCALATED_PATHWAY_MANAGERS = "ESCALATED_PATHWAY_MANAGERS";

  /** The process variables of a tracked action; links the action to its tracking instance. */
  Map<String, Object> load(String actionId, String processInstanceId) {
    ActionRecord action = find(actionId);
    records.linkProcessInstance(actionId, processInstanceId);
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("owningAgency", action.owningAgency());
    variables.put("owningAgencyManagers", Agency.ofGroupId(action.owningAgency())
        .map(Agency::managersGroupId).orElse(PathwayGroups.MANAGERS));
    variables.put("dueDate", dueMoment(action.dueDate()));
    variables.put("actionDueDay", UkDates.day(action.dueDate()));
    variables.put("actionDescription", action.description());
    variables.put("actionPriority", action.priority());
    return variables;
  }

  /**
   * E-mails the owning agency that the action is theirs, when it was agreed or reassigned to them ({@code
   * notifiedAgency}: the agency told last, none at first); a moved due date alone tells nobody.
   */
  String tellOwnerIfNew(String actionId, Object notifiedAgency) {
    ActionRecord action = find(actionId);
    if (!action.owningAgency().equals(notifiedAgency)) {
      notifications.actionAssigned(action.caseId(), action.owningAgency(), action.dueDate());
    }
    return action.owningAgency();
  }

  Date dueMoment(LocalDate dueDay) {
    return ActionDueDates.endOf(dueDay, calendar.zone());
  }

  /** Records the reminder; returns the group reminded (the owning agency). */
  String remind(String actionId) {
    ActionRecord action = find(actionId);
    records.recordEvent(actionId, REMINDER_SENT, action.owningAgency(), Instant.now());
    notifications.actionReminder(action.caseId(), action.owningAgency(), action.dueDate());
    return action.owningAgency();
  }

  /** Raises the escalation level (1: the agency's managers, 2: pathway managers); returns the group told. */
  String escalate(String actionId, int level) {
    ActionRecord action = find(actionId);
    String group = level >= 2 ? PathwayGroups.MANAGERS : Agency.ofGroupId(action.owningAgency())
        .map(Agency::managersGroupId).orElse(PathwayGroups.MANAGERS);
    records.escalate(actionId, level);
    records.recordEvent(actionId, level >= 2 ? ESCALATED_PATHWAY_MANAGERS : ESCALATED_AGENCY_MANAGERS, group,
        Instant.now());
    notifications.actionEscalated(action.caseId(), action.owningAgency(), action.dueDate(), group, level >= 2);
    return group;
  }

  /** Closes the action with the outcome from the task form; a missing outcome or reason stops the completion. */
  void close(String actionId, Object outcome, Object reason, String closedBy) {
    String reasonText = reason == null || reason.toString().isBlank() ? null : reason.toString().strip();
    ActionStatus status = outcomeOf(outcome).orElseThrow(() -> new InvalidTaskInput(List.of(
        new FieldProblem("actionOutcome", "must be Done, Not done or No longer needed"))));
    if (status == ActionStatus.NOT_DONE && reasonText == null) {
      throw new InvalidTaskInput(List.of(new FieldProblem("outcomeReason",
          "is required when the action was not done")));
    }
    find(actionId);
    records.close(actionId, status, reasonText, closedBy, Instant.now());
  }

  private static Optional<ActionStatus> outcomeOf(Object outcome) {
    if (outcome == null) {
      return Optional.empty();
    }
    for (ActionStatus status : ActionStatus.values()) {
      if (status != ActionStatus.OPEN && status.name().equals(outcome.toString())) {
        return Optional.of(status);
      }
    }
    return Optional.empty();
  }

  private ActionRecord find(String actionId) {
    return records.find(actionId).orElseThrow(() -> new IllegalStateException("No action " + actionId));
  }
}

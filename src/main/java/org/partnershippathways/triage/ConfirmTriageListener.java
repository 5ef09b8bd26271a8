package org.partnershippathways.triage;

import org.partnershippathways.platform.InvalidTaskInput;
import java.time.LocalDate;
import java.util.Date;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.partnershippathways.calendar.WorkingDayCalendar;
import org.partnershippathways.cases.Cases;
import org.partnershippathways.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * {@code Task_ConfirmTriage} on complete: the coordinator confirms the DMN's proposal or overrides it, and an
 * override needs a reason. Stores the decision and sets {@code meetingDueDate} in working days.
 */
@Component("confirmTriage")
public record ConfirmTriageListener(TriageTable triage, Cases cases, WorkingDayCalendar calendar)
    implements TaskListener {

  static final Set<String> RISK_RATINGS = Set.of("RED", "AMBER", "GREEN");
  static final Set<String> URGENCIES = Set.of("IMMEDIATE", "HIGH", "STANDARD");

  @Override
  public void notify(DelegateTask task) {
    String proposedRisk = text(task, "proposedRiskRating");
    String proposedUrgency = text(task, "proposedUrgency");
    String proposedTimescale = text(task, "proposedMeetingTimescale");
    String risk = Optional.ofNullable(text(task, "riskRating")).orElse(proposedRisk);
    String urgency = Optional.ofNullable(text(task, "urgency")).orElse(proposedUrgency);
    String timescale = Optional.ofNullable(text(task, "meetingTimescale")).orElse(proposedTimescale);
    if (!RISK_RATINGS.contains(risk)) {
      throw InvalidTaskInput.of("riskRating", "must be red, amber or green");
    }
    if (!URGENCIES.contains(urgency)) {
      throw InvalidTaskInput.of("urgency", "must be immediate, high or standard");
    }
    if (!WorkingDayDuration.isValid(timescale)) {
      throw InvalidTaskInput.of("meetingTimescale", "must be a number of working days or weeks");
    }
    boolean overridden = !risk.equals(proposedRisk) || !urgency.equals(proposedUrgency)
        || !timescale.equals(proposedTimescale);
    String reason = text(task, "overrideReason");
    if (overridden && (reason == null || reason.isBlank())) {
      throw InvalidTaskInput.of("overrideReason", "is needed: you changed the proposed triage, so say why");
    }
    Date due = calendar.plusWorkingDays(ClockUtil.getCurrentTime(), WorkingDayDuration.workingDays(timescale));
    LocalDate dueDay = LocalDate.ofInstant(due.toInstant(), calendar.zone());
    String caseId = text(task, "caseId");
    triage.insert(new TriageTable.TriageDecision(caseId, proposedRisk, proposedUrgency, proposedTimescale, risk,
        urgency, timescale, dueDay, overridden, overridden ? reason.strip() : null, CurrentUser.actingIn(task)),
        ClockUtil.getCurrentTime().toInstant());
    cases.recordRisk(caseId, risk, urgency);
    // The decision is the case's: set on the process, not on the task, whose own copy of riskRating (the
    // Tasklist column, security.TaskCaseColumns) would otherwise take the form's values and leave the case's as
    // proposed.
    task.getExecution().setVariable("riskRating", risk);
    task.getExecution().setVariable("urgency", urgency);
    task.getExecution().setVariable("meetingTimescale", timescale);
    task.getExecution().setVariable("triageOverridden", overridden);
    task.getExecution().setVariable("meetingDueDate", due);
  }

  private static String text(DelegateTask task, String name) {
    Object value = task.getVariable(name);
    return value == null || value.toString().isBlank() ? null : Objects.toString(value).strip();
  }
}

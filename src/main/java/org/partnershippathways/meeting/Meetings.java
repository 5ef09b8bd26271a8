package org.partnershippathways.meeting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.partnershippathways.actions.ActionPlan;
import org.partnershippathways.calendar.UkDates;
import org.partnershippathways.calendar.WorkingDayCalendar;
import org.partnershippathways.platform.InvalidTaskInput;
import org.partnershippathways.platform.FieldProblem;
import org.partnershippathways.platform.FormValues;
import org.springframework.stereotype.Service;

/** What the {@code multi-agency-meeting} process records: the meeting, who attended, decisions and actions. */
@Service
record Meetings(MeetingTable records, ActionPlan actionPlan, WorkingDayCalendar calendar) {

  /** Attendance checkboxes of the form {@code record-attendance}, by agency group id. */
  static final Map<String, String> ATTENDANCE_FIELDS = attendanceFields();
  static final String NOT_ENOUGH_AGENCIES = "Fewer than two agencies attended";

  record Scheduled(String meetingId, Instant when) {
  }

  /**
   * Validates and records the meeting. A meeting later than its due date (the timescale triage set; the day itself
   * is in time) needs {@code lateReason}: it is a breach that managers see in the timings.
   */
  Scheduled schedule(String caseId, int round, Object meetingDate, Object meetingPlace, String processInstanceId,
      String user, Object meetingDueDate, Object lateReason) {
    List<FieldProblem> problems = new ArrayList<>();
    Instant when = null;
    try {
      when = FormValues.moment(meetingDate, calendar.zone()).orElse(null);
      if (when == null) {
        problems.add(new FieldProblem("meetingDate", "is required"));
      } else if (when.atZone(calendar.zone()).toLocalDate().isBefore(actionPlan.today())) {
        problems.add(new FieldProblem("meetingDate", "is in the past"));
      }
    } catch (DateTimeParseException e) {
      problems.add(new FieldProblem("meetingDate", "is not a date and time"));
    }
    String place = FormValues.text(meetingPlace);
    if (place == null) {
      problems.add(new FieldProblem("meetingPlace", "is required"));
    } else if (place.length() > 500) {
      problems.add(new FieldProblem("meetingPlace", "is longer than 500 characters"));
    }
    LocalDate dueDay = FormValues.day(meetingDueDate, calendar.zone()).orElse(null);
    String reason = FormValues.text(lateReason);
    boolean late = when != null && dueDay != null && when.atZone(calendar.zone()).toLocalDate().isAfter(dueDay);
    if (late && reason == null) {
      problems.add(new FieldProblem("meetingLateReason", "is needed: the meeting is after its due date ("
          + UkDates.day(dueDay) + ", the timescale set at triage), so say why it cannot be sooner"));
    } else if (reason != null && reason.length() > 2000) {
      problems.add(new FieldProblem("meetingLateReason", "is longer than 2000 characters"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidTaskInput(problems);
    }
    return new Scheduled(records.schedule(caseId, round, when, place, processInstanceId, user, Instant.now(),
        dueDay, late ? reason : null), when);
  }

  /** Records the attendance from the form; returns how many agencies attended. */
  int recordAttendance(String meetingId, Map<String, Object> variables, String user) {
    Map<String, Boolean> attended = new LinkedHashMap<>();
    ATTENDANCE_FIELDS.forEach((agency, field) -> attended.put(agency, FormValues.yes(variables.get(field))));
    records.recordAttendance(meetingId, attended, user, Instant.now());
    return (int) attended.values().stream().filter(Boolean::booleanValue).count();
  }

  void reschedule(String meetingId, Object reason) {
    String text = FormValues.text(reason);
    records.markRescheduled(meetingId, text == null ? NOT_ENOUGH_AGENCIES : text);
  }

  /** Validates the decisions form, then records the decisions and creates the actions; returns their ids. */
  List<String> recordDecisions(String caseId, String meetingId, Map<String, Object> variables, String user) {
    ActionPlanForm form = ActionPlanForm.read(variables, actionPlan.today(), calendar.zone());
    if (!form.problems().isEmpty()) {
      throw new InvalidTaskInput(form.problems());
    }
    records.recordDecision(meetingId, caseId, form.decisions(), form.noActionsNeeded(), user, Instant.now());
    records.markHeld(meetingId);
    return form.actions().isEmpty() ? List.of() : actionPlan.addActions(caseId, meetingId, form.actions());
  }

  private static Map<String, String> attendanceFields() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("police", "attendedPolice");
    fields.put("health", "attendedHealth");
    fields.put("social-care", "attendedSocialCare");
    fields.put("voluntary", "attendedVoluntary");
    return Map.copyOf(fields);
  }
}

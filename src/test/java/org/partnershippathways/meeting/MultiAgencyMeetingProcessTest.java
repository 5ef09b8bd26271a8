package org.partnershippathways.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.partnershippathways.calendar.WorkingDays;
import org.partnershippathways.testsupport.LiquibaseProcessEngineConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ProcessEngineCoverageExtension.class)
@Deployment(resources = {"processes/multi-agency-meeting.bpmn", "forms/schedule-meeting.form",
    "forms/chase-meeting-scheduling.form", "forms/handle-rejected-invitation.form", "forms/record-attendance.form",
    "forms/record-decisions-and-actions.form"})
class MultiAgencyMeetingProcessTest {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  ProcessEngine processEngine;

  private final List<String> invited = new ArrayList<>();
  private final List<String> rejecting = new ArrayList<>();
  private final List<String> rescheduleReasons = new ArrayList<>();

  @BeforeEach
  void mockDelegates() {
    BpmnAwareTests.init(processEngine);
    // Camunda's MockExpressionManager resolves only mocks, not the fixed beans of ProcessTestExpressionManager.
    Mocks.register("workingDays", new WorkingDays(LiquibaseProcessEngineConfiguration.testCalendar()));
    Mocks.register("scheduleMeeting", (JavaDelegate) execution -> {
      Object round = execution.getVariable("meetingRound");
      int meetingRound = round == null ? 1 : ((Number) round).intValue();
      execution.setVariable("meetingRound", meetingRound);
      execution.setVariable("meetingId", "meeting-" + meetingRound);
      execution.setVariable("meetingTime", execution.getVariable("meetingDate"));
    });
    Mocks.register("partnerRequest", (JavaDelegate) execution -> {
      String agency = (String) execution.getVariable("agency");
      assertThat(execution.getVariable("requestType")).isEqualTo("MEETING_INVITATION");
      if (rejecting.contains(agency)) {
        throw new BpmnError("PARTNER_REJECTED", agency + " refused the invitation");
      }
      invited.add(agency);
    });
    Mocks.register("recordAttendance", (JavaDelegate) execution -> execution.setVariable("agenciesAttended",
        (int) Meetings.ATTENDANCE_FIELDS.values().stream()
            .filter(field -> Boolean.TRUE.equals(execution.getVariable(field))).count()));
    Mocks.register("rescheduleMeeting", (JavaDelegate) execution -> {
      rescheduleReasons.add(String.valueOf(execution.getVariable("rescheduleReason")));
      execution.setVariable("meetingRound", ((Number) execution.getVariable("meetingRound")).intValue() + 1);
    });
    Mocks.register("createActions", (JavaDelegate) execution -> execution.setVariable("actionIds",
        Variables.objectValue(new ArrayList<>(List.of("action-1", "action-2")))
            .serializationDataFormat(Variables.SerializationDataFormats.JSON).create()));
  }

  @AfterEach
  void resetClockAndMocks() {
    ClockUtil.reset();
    Mocks.reset();
  }

  @Test
  void meetingWithTwoAgenciesAgreesAnActionPlan() {
    now(2026, 12, 1, 9, 0);
    Date meetingDueDate = at(2026, 12, 8, 17, 0);
    ProcessInstance meeting = start(meetingDueDate, "police", "health", "social-care");

    assertThat(meeting).isWaitingAt("Task_ScheduleMeeting");
    assertThat(task()).hasCandidateGroup("coordinators").hasDueDate(meetingDueDate);
    Date meetingTime = at(2026, 12, 7, 10, 0);
    complete(task(), withVariables("meetingDate", meetingTime, "meetingPlace", "Hub, room 2"));

    executeInvitations();
    assertThat(invited).containsExactlyInAnyOrder("police", "health", "social-care");
    assertThat(meeting).isWaitingAt("Gateway_WaitForMeeting");
    assertThat(job("TimerEvent_MeetingTimeReached").getDuedate()).isEqualTo(meetingTime);

    execute(job("TimerEvent_MeetingTimeReached"));
    assertThat(meeting).isWaitingAt("Task_RecordAttendance");
    complete(task(), withVariables("attendedPolice", true, "attendedHealth", true));

    assertThat(meeting).isWaitingAt("Task_RecordDecisionsAndActions");
    complete(task(), withVariables("decisions", "Joint visit", "action1Description", "Visit"));

    assertThat(meeting).hasPassed("ServiceTask_CreateActions").isEnded()
        .variables().containsEntry("actionIds", List.of("action-1", "action-2"))
        .containsEntry("meetingId", "meeting-1");
  }

  @Test
  void fewerThanTwoAgenciesReschedulesTheMeetingAndCountsTheRounds() {
    now(2026, 12, 1, 9, 0);
    ProcessInstance meeting = start(at(2026, 12, 8, 17, 0), "police", "health");
    scheduleAndHold(meeting, at(2026, 12, 3, 10, 0));
    complete(task(), withVariables("attendedPolice", true, "rescheduleReason", "Health was called away"));

    assertThat(meeting).hasPassed("ServiceTask_RescheduleMeeting").isWaitingAt("Task_ScheduleMeeting")
        .variables().containsEntry("meetingRound", 2);
    assertThat(rescheduleReasons).containsExactly("Health was called away");

    scheduleAndHold(meeting, at(2026, 12, 10, 10, 0));
    assertThat(meeting).variables().containsEntry("meetingId", "meeting-2");
    complete(task(), withVariables("attendedPolice", true, "attendedHealth", true));
    assertThat(meeting).isWaitingAt("Task_RecordDecisionsAndActions");
  }

  @Test
  void aMeetingNotScheduledInTwoWorkingDaysIsChasedByManagersAcrossChristmas() {
    now(2026, 12, 24, 10, 0);
    ProcessInstance meeting = start(at(2026, 12, 31, 17, 0), "police", "health");
    assertThat(meeting).isWaitingAt("Task_ScheduleMeeting");

    Job notScheduled = job("BoundaryEvent_NotScheduledInTime");
    // Thursday 24 December: Christmas Day (Fri), the weekend and Boxing Day's substitute (Mon 28) are not counted.
    assertThat(notScheduled.getDuedate()).isEqualTo(at(2026, 12, 30, 10, 0));
    execute(notScheduled);

    assertThat(meeting).isWaitingAt("Task_ScheduleMeeting", "Task_ChaseMeetingScheduling");
    assertThat(taskQuery().taskDefinitionKey("Task_ChaseMeetingScheduling").singleResult())
        .hasCandidateGroup("managers");

    complete(taskQuery().taskDefinitionKey("Task_ChaseMeetingScheduling").singleResult(),
        withVariables("chaseNote", "Asked the coordinator to book the room"));
    assertThat(meeting).hasPassed("EndEvent_SchedulingChased").isWaitingAt("Task_ScheduleMeeting");

    // The meeting then goes ahead; the agreed plan ends the meeting process.
    complete(taskQuery().taskDefinitionKey("Task_ScheduleMeeting").singleResult(),
        withVariables("meetingDate", at(2027, 1, 5, 10, 0), "meetingPlace", "Video link"));
    executeInvitations();
    execute(job("TimerEvent_MeetingTimeReached"));
    complete(openTask("Task_RecordAttendance"), withVariables("attendedPolice", true, "attendedHealth", true));
    complete(openTask("Task_RecordDecisionsAndActions"),
        withVariables("decisions", "None needed", "noActionsNeeded", true));
    assertThat(meeting).isEnded();
    assertThat(taskQuery().processInstanceId(meeting.getId()).count()).isZero();
  }

  @Test
  void anInvitationTheAgencyRejectsGoesToACoordinator() {
    now(2026, 12, 1, 9, 0);
    rejecting.add("police");
    ProcessInstance meeting = start(at(2026, 12, 8, 17, 0), "police", "health", "voluntary");
    assertThat(meeting).isWaitingAt("Task_ScheduleMeeting");
    complete(task(), withVariables("meetingDate", at(2026, 12, 4, 14, 0), "meetingPlace", "Town hall"));
    executeInvitations();

    assertThat(meeting).isWaitingAt("Task_HandleRejectedInvitation");
    assertThat(task()).hasCandidateGroup("coordinators");
    assertThat(invited).containsExactlyInAnyOrder("health", "voluntary");
    complete(task(), withVariables("invitationDecision", "INVITED_BY_OTHER_MEANS"));

    assertThat(meeting).isWaitingAt("Gateway_WaitForMeeting");
  }

  @Test
  void aCoordinatorMayMarkTheMeetingHeldBeforeItsTime() {
    now(2026, 12, 1, 9, 0);
    ProcessInstance meeting = start(at(2026, 12, 8, 17, 0), "police", "health");
    assertThat(meeting).isWaitingAt("Task_ScheduleMeeting");
    complete(task(), withVariables("meetingDate", at(2026, 12, 4, 14, 0), "meetingPlace", "Town hall"));
    executeInvitations();

    runtimeService().createMessageCorrelation("MeetingHeld").processInstanceId(meeting.getId()).correlate();

    assertThat(meeting).hasPassed("MessageEvent_MeetingHeld").isWaitingAt("Task_RecordAttendance");
    assertThat(managementService().createJobQuery().activityId("TimerEvent_MeetingTimeReached").count()).isZero();
  }

  private void scheduleAndHold(ProcessInstance meeting, Date when) {
    assertThat(meeting).isWaitingAt("Task_ScheduleMeeting");
    complete(task(), withVariables("meetingDate", when, "meetingPlace", "Hub"));
    executeInvitations();
    execute(job("TimerEvent_MeetingTimeReached"));
    assertThat(meeting).isWaitingAt("Task_RecordAttendance");
  }

  private static org.camunda.bpm.engine.task.Task openTask(String key) {
    return taskQuery().taskDefinitionKey(key).singleResult();
  }

  private ProcessInstance start(Date meetingDueDate, String... agencies) {
    return runtimeService().startProcessInstanceByKey("multi-agency-meeting", "PP-2026-000001", Map.of(
        "caseId", "case-1", "caseReference", "PP-2026-000001", "meetingDueDate", meetingDueDate,
        "agenciesToAsk", Variables.objectValue(new ArrayList<>(List.of(agencies)))
            .serializationDataFormat(Variables.SerializationDataFormats.JSON).create()));
  }

  private void executeInvitations() {
    List<Job> invitations = managementService().createJobQuery().activityId("ServiceTask_InviteAgency").list();
    assertThat(invitations).isNotEmpty();
    invitations.forEach(invitation -> execute(invitation));
  }

  private static void now(int year, int month, int day, int hour, int minute) {
    ClockUtil.setCurrentTime(at(year, month, day, hour, minute));
  }

  static Date at(int year, int month, int day, int hour, int minute) {
    return Date.from(LocalDateTime.of(year, month, day, hour, minute).atZone(LONDON).toInstant());
  }
}

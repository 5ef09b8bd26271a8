package org.partnershippathways.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.partnershippathways.actions.ActionPlan;
import org.partnershippathways.platform.InvalidTaskInput;
import org.partnershippathways.testsupport.PathwaysIntegrationTest;
import org.partnershippathways.testsupport.TestPartnerships;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The meeting process with its real delegates on a real database: scheduling, a round rescheduled for too few
 * agencies (marked held through the API), then decisions and actions. The partner invitations are skipped by
 * process-instance modification (the partner gateway is tested on its own).
 */
@PathwaysIntegrationTest
class MultiAgencyMeetingIT {

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired IdentityService identityService;
  @Autowired ActionPlan actionPlan;
  @Autowired JdbcClient jdbc;
  @Autowired TestRestTemplate rest;
  @Autowired org.partnershippathways.timings.TimingsService timings;
  @Autowired org.partnershippathways.calendar.WorkingDayCalendar calendar;

  private final String caseId = UUID.randomUUID().toString();

  @Test
  void recordsTheRoundsAttendanceDecisionsAndActions() {
    ProcessInstance meeting = runtimeService.startProcessInstanceByKey("multi-agency-meeting", "PP-IT-M", Map.of(
        "caseId", caseId, "caseReference", "PP-IT-M", "meetingDueDate", java.sql.Timestamp.valueOf(
            actionPlan.today().plusDays(7).atTime(17, 0)),
        "agenciesToAsk", Variables.objectValue(new ArrayList<>(List.of("police", "health")))
            .serializationDataFormat(Variables.SerializationDataFormats.JSON).create()));
    LocalDate tomorrow = actionPlan.today().plusDays(1);

    assertThatThrownBy(() -> complete(meeting, "Task_ScheduleMeeting", Map.of("meetingDate", "2020-01-01T10:00")))
        .isInstanceOf(InvalidTaskInput.class).hasMessageContaining("meeting date is in the past")
        .hasMessageContaining("meeting place is required");
    complete(meeting, "Task_ScheduleMeeting", Map.of("meetingDate", tomorrow + "T10:00:00+00:00",
        "meetingPlace", "Hub, room 1"));
    String firstMeeting = (String) runtimeService.getVariable(meeting.getId(), "meetingId");
    assertThat(meetingRow(firstMeeting)).containsEntry("status", "SCHEDULED").containsEntry("round", 1);

    runtimeService.createProcessInstanceModification(meeting.getId())
        .cancelAllForActivity("SubProcess_InviteAgencies")
        .startBeforeActivity("Gateway_WaitForMeeting")
        .execute();
    assertThat(markHeld(firstMeeting)).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(markHeld(firstMeeting)).isEqualTo(HttpStatus.CONFLICT);
    complete(meeting, "Task_RecordAttendance", Map.of("attendedPolice", true, "attendedHealth", false,
        "rescheduleReason", "Health could not attend"));
    assertThat(meetingRow(firstMeeting)).containsEntry("status", "RESCHEDULED")
        .containsEntry("reschedule_reason", "Health could not attend");
    assertThat(runtimeService.getVariable(meeting.getId(), "meetingRound")).isEqualTo(2);

    complete(meeting, "Task_ScheduleMeeting", Map.of("meetingDate", tomorrow + "T14:30", "meetingPlace", "Video"));
    String secondMeeting = (String) runtimeService.getVariable(meeting.getId(), "meetingId");
    skipInvitations(meeting);
    complete(meeting, "Task_RecordAttendance", Map.of("attendedPolice", true, "attendedHealth", true));
    assertThat(jdbc.sql("select count(*) from meeting_attendance where meeting_id = :id and attended = true")
        .param("id", secondMeeting).query(Integer.class).single()).isEqualTo(2);

    assertThatThrownBy(() -> complete(meeting, "Task_RecordDecisionsAndActions", Map.of("decisions", "Plan")))
        .isInstanceOf(InvalidTaskInput.class).hasMessageContaining("action 1 description");
    complete(meeting, "Task_RecordDecisionsAndActions", Map.of("decisions", "Joint safety plan",
        "action1Description", "Home visit", "action1Agency", "police", "action1DueDate", tomorrow.toString(),
        "action1Priority", "HIGH",
        "action2Description", "GP review", "action2Agency", "health",
        "action2DueDate", tomorrow.plusDays(10).toString(), "action2Priority", "MEDIUM"));

    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(meeting.getId()).count()).isZero();
    assertThat(meetingRow(secondMeeting)).containsEntry("status", "HELD").containsEntry("round", 2);
    @SuppressWarnings("unchecked")
    List<String> actionIds = (List<String>) historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(meeting.getId()).variableName("actionIds").singleResult().getValue();
    assertThat(actionIds).hasSize(2);
    assertThat(jdbc.sql("select owning_agency from pathway_action where meeting_id = :id order by priority")
        .param("id", secondMeeting).query(String.class).list()).containsExactly("police", "health");
    assertThat(jdbc.sql("select decisions from meeting_decision where meeting_id = :id").param("id", secondMeeting)
        .query(String.class).single()).isEqualTo("Joint safety plan");
  }

  @Test
  void aMeetingAfterItsDueDateNeedsAReasonAndIsABreachInTheTimings() {
    LocalDate due = actionPlan.today().plusDays(2);
    ProcessInstance meeting = runtimeService.startProcessInstanceByKey("multi-agency-meeting", "PP-IT-L", Map.of(
        "caseId", caseId, "caseReference", "PP-IT-L", "meetingDueDate", java.sql.Timestamp.valueOf(
            due.atTime(17, 0)),
        "agenciesToAsk", Variables.objectValue(new ArrayList<>(List.of("police", "health")))
            .serializationDataFormat(Variables.SerializationDataFormats.JSON).create()));
    String late = due.plusDays(5) + "T10:00";

    assertThatThrownBy(() -> complete(meeting, "Task_ScheduleMeeting", Map.of("meetingDate", late,
        "meetingPlace", "Hub")))
        .isInstanceOf(InvalidTaskInput.class).hasMessageContaining("meeting late reason is needed")
        .hasMessageContaining(due.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
    complete(meeting, "Task_ScheduleMeeting", Map.of("meetingDate", late, "meetingPlace", "Hub",
        "meetingLateReason", "The GP can attend only next week"));

    String meetingId = (String) runtimeService.getVariable(meeting.getId(), "meetingId");
    assertThat(jdbc.sql("select due_date, late_reason from pathway_meeting where id = :id").param("id", meetingId)
        .query().singleRow()).containsEntry("LATE_REASON", "The GP can attend only next week");
    assertThat(timings.report(actionPlan.today().minusDays(1), actionPlan.today()).meetingsScheduledLate())
        .anySatisfy(breach -> {
          assertThat(breach.caseReference()).isEqualTo("PP-IT-L");
          assertThat(breach.dueDate()).isEqualTo(due);
          assertThat(breach.workingDaysLate()).isEqualTo(calendar.workingDaysBetween(due, due.plusDays(5)));
          assertThat(breach.reason()).isEqualTo("The GP can attend only next week");
        });
  }

  private void complete(ProcessInstance meeting, String taskKey, Map<String, Object> variables) {
    String taskId = taskService.createTaskQuery().processInstanceId(meeting.getId()).taskDefinitionKey(taskKey)
        .singleResult().getId();
    identityService.setAuthentication("coordinator.it", List.of("coordinators"),
        List.of(TestPartnerships.FIRST));
    try {
      taskService.complete(taskId, variables);
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** A coordinator marks the meeting held through the API, before its scheduled time. */
  private HttpStatusCode markHeld(String meetingId) {
    String user = "coordinator." + UUID.randomUUID().toString().substring(0, 8);
    String password = UUID.randomUUID().toString();
    User coordinator = identityService.newUser(user);
    coordinator.setPassword(password);
    identityService.saveUser(coordinator);
    identityService.createTenantUserMembership(TestPartnerships.FIRST, user);
    identityService.createMembership(user, "coordinators");
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, password);
    return rest.exchange("/api/meetings/" + meetingId + "/held", HttpMethod.POST, new HttpEntity<>(headers),
        String.class).getStatusCode();
  }

  private void skipInvitations(ProcessInstance meeting) {
    runtimeService.createProcessInstanceModification(meeting.getId())
        .cancelAllForActivity("SubProcess_InviteAgencies")
        .startBeforeActivity("Task_RecordAttendance")
        .execute();
  }

  private Map<String, Object> meetingRow(String meetingId) {
    Map<String, Object> row = new java.util.HashMap<>();
    jdbc.sql("select status, round, reschedule_reason from pathway_meeting where id = :id").param("id", meetingId)
        .query().singleRow().forEach((column, value) -> row.put(column.toLowerCase(),
            value instanceof Number number ? number.intValue() : value));
    return row;
  }
}

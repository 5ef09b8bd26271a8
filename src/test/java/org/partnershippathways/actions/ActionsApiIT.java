package org.partnershippathways.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnershippathways.calendar.WorkingDayCalendar;
import org.partnershippathways.platform.InvalidTaskInput;
import org.partnershippathways.testsupport.PathwaysIntegrationTest;
import org.partnershippathways.testsupport.TestPartnerships;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The actions API and the action-tracking process on a real database, with real delegates. */
@PathwaysIntegrationTest
class ActionsApiIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired ActionPlan actionPlan;
  @Autowired JdbcClient jdbc;
  @Autowired WorkingDayCalendar calendar;

  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final String password = UUID.randomUUID().toString();
  private final String caseId = UUID.randomUUID().toString();
  private String coordinator;
  private String police;
  private String outsider;
  private String policeAction;
  private String healthAction;

  @BeforeEach
  void usersAndActions() {
    coordinator = user("coordinator", "coordinators");
    police = user("police", "police");
    outsider = user("owner", "process-owners");
    jdbc.sql("insert into pathway_case (id, reference, status, person_given_name, person_family_name,"
            + " person_date_of_birth, person_child, referrer_name, referrer_agency, referrer_contact, created_at,"
            + " partnership_id) values (:id, :reference, 'OPEN', 'Alex', 'Actions', :dob, false, 'Sam', 'police',"
            + " 'sam@example.org', current_timestamp, :partnership)")
        .param("id", caseId).param("reference", "PP-1999-" + run.substring(0, 6))
        .param("dob", LocalDate.of(1990, 5, 17)).param("partnership", TestPartnerships.FIRST).update();
    LocalDate today = actionPlan.today();
    List<String> ids = actionPlan.addActions(caseId, null, List.of(
        new NewAction("Home visit with the neighbourhood team", "police", today.plusDays(14), "HIGH"),
        new NewAction("GP medication review", "health", today.plusDays(21), "MEDIUM")));
    policeAction = ids.get(0);
    healthAction = ids.get(1);
  }

  @Test
  void coordinatorsSeeEveryActionOfACaseAndAnAgencyOnlyItsOwn() throws Exception {
    JsonNode all = body(get(coordinator, "/api/cases/" + caseId + "/actions"));
    assertThat(all.findValuesAsText("id")).containsExactly(policeAction, healthAction);
    assertThat(all.get(0).get("status").asText()).isEqualTo("OPEN");

    JsonNode own = body(get(police, "/api/cases/" + caseId + "/actions"));
    assertThat(own.findValuesAsText("id")).containsExactly(policeAction);

    assertThat(get(outsider, "/api/cases/" + caseId + "/actions").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get(police, "/api/actions?agency=health").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void listsActionsByAgencyStatusAndOverdue() throws Exception {
    jdbc.sql("update pathway_action set due_date = :yesterday where id = :id")
        .param("yesterday", actionPlan.today().minusDays(1)).param("id", healthAction).update();

    JsonNode overdue = body(get(coordinator, "/api/actions?overdue=true&agency=health&status=OPEN"));
    assertThat(overdue.findValuesAsText("id")).contains(healthAction).doesNotContain(policeAction);
    assertThat(overdue.findValuesAsText("overdue")).containsOnly("true");

    JsonNode policeOpen = body(get(police, "/api/actions?status=OPEN"));
    assertThat(policeOpen.findValuesAsText("owningAgency")).containsOnly("police");
    assertThat(policeOpen.findValuesAsText("id")).contains(policeAction);

    ResponseEntity<String> wrong = get(coordinator, "/api/actions?status=LOST&agency=fire");
    assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(body(wrong).get("errors").findValuesAsText("field")).containsExactly("agency");
  }

  @Test
  void reassigningGivesTheRunningTaskToTheNewAgencyAndKeepsTheHistory() throws Exception {
    ProcessInstance tracking = track(policeAction);
    assertThat(candidateGroups(tracking)).containsExactly("police");

    assertThat(post(police, "/api/actions/" + policeAction + "/reassign", Map.of("agency", "health", "reason", "x"))
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> invalid = post(coordinator, "/api/actions/" + policeAction + "/reassign",
        Map.of("agency", "fire-service"));
    assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(body(invalid).get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("agency", "reason");
    assertThat(post(coordinator, "/api/actions/" + UUID.randomUUID() + "/reassign",
        Map.of("agency", "health", "reason", "x")).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

    ResponseEntity<String> reassigned = post(coordinator, "/api/actions/" + policeAction + "/reassign",
        Map.of("agency", "health", "reason", "The GP surgery leads on this now"));

    assertThat(reassigned.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(body(reassigned).get("owningAgency").asText()).isEqualTo("health");
    assertThat(candidateGroups(tracking)).containsExactly("health");
    assertThat(jdbc.sql("select old_value, new_value, reason, changed_by from action_change where action_id = :id")
        .param("id", policeAction).query().listOfRows())
        .singleElement().satisfies(row -> assertThat(row.values()).containsExactly("police", "health",
            "The GP surgery leads on this now", coordinator));
  }

  @Test
  void movingTheDueDateMovesTheRunningTimers() throws Exception {
    ProcessInstance tracking = track(healthAction);
    LocalDate later = actionPlan.today().plusDays(40);

    ResponseEntity<String> past = post(coordinator, "/api/actions/" + healthAction + "/due-date",
        Map.of("dueDate", actionPlan.today().minusDays(1).toString(), "reason", "typo"));
    assertThat(past.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(body(past).get("errors").findValuesAsText("field")).containsExactly("dueDate");

    ResponseEntity<String> moved = post(coordinator, "/api/actions/" + healthAction + "/due-date",
        Map.of("dueDate", later.toString(), "reason", "Waiting list for the clinic"));

    assertThat(moved.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(body(moved).get("dueDate").asText()).isEqualTo(later.toString());
    assertThat(managementService.createJobQuery().processInstanceId(tracking.getId())
        .activityId("BoundaryEvent_ActionOverdue").singleResult().getDuedate())
        .isEqualTo(ActionDueDates.endOf(later, calendar.zone()));
    Task task = taskService.createTaskQuery().processInstanceId(tracking.getId())
        .taskDefinitionKey("Task_CompleteAction").singleResult();
    assertThat(task.getDueDate()).as("the task's card shows the moved date")
        .isEqualTo(ActionDueDates.endOf(later, calendar.zone()));
    assertThat(taskService.getVariable(task.getId(), "actionDueDay")).as("and so does its form")
        .isEqualTo(org.partnershippathways.calendar.UkDates.day(later));
  }

  @Test
  void theOutcomeClosesTheActionAndAClosedActionCannotChange() throws Exception {
    ProcessInstance tracking = track(policeAction);
    Task task = taskService.createTaskQuery().processInstanceId(tracking.getId()).singleResult();

    assertThatThrownBy(() -> completeAs(police, task, Map.of("actionOutcome", "NOT_DONE")))
        .isInstanceOf(InvalidTaskInput.class).hasMessageContaining("outcome reason");
    completeAs(police, task, Map.of("actionOutcome", "NOT_DONE", "outcomeReason", "Person moved away"));

    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(tracking.getId()).count()).isZero();
    JsonNode closed = body(get(coordinator, "/api/cases/" + caseId + "/actions")).get(0);
    assertThat(closed.get("status").asText()).isEqualTo("NOT_DONE");
    assertThat(closed.get("outcomeReason").asText()).isEqualTo("Person moved away");
    assertThat(closed.get("closedBy").asText()).isEqualTo(police);
    assertThat(post(coordinator, "/api/actions/" + policeAction + "/reassign",
        Map.of("agency", "health", "reason", "late")).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
  }

  @Test
  void remindersAndEscalationsAreRecordedOnTheAction() {
    ProcessInstance tracking = track(policeAction);

    managementService.executeJob(timer(tracking, "BoundaryEvent_ReminderDue"));
    Task task = taskService.createTaskQuery().processInstanceId(tracking.getId())
        .taskDefinitionKey("Task_CompleteAction").singleResult();
    assertThat(taskService.getTaskComments(task.getId())).singleElement()
        .satisfies(comment -> assertThat(comment.getFullMessage()).matches("Reminder: this action is due on \\d{2}/\\d{2}/\\d{4}\\."));

    managementService.executeJob(timer(tracking, "BoundaryEvent_ActionOverdue"));
    managementService.executeJob(timer(tracking, "BoundaryEvent_ActionStillOverdue"));

    assertThat(jdbc.sql("select escalation_level from pathway_action where id = :id").param("id", policeAction)
        .query(Integer.class).single()).isEqualTo(2);
    assertThat(jdbc.sql("select event_type || ' ' || notified_group from action_event where action_id = :id"
            + " order by occurred_at, event_type").param("id", policeAction).query(String.class).list())
        .containsExactlyInAnyOrder("REMINDER_SENT police", "ESCALATED_AGENCY_MANAGERS police-managers",
            "ESCALATED_PATHWAY_MANAGERS managers");
    assertThat(taskService.createTaskQuery().processInstanceId(tracking.getId()).taskCandidateGroup("police-managers")
        .count()).isOne();
  }

  private String timer(ProcessInstance tracking, String activityId) {
    return managementService.createJobQuery().processInstanceId(tracking.getId()).activityId(activityId)
        .singleResult().getId();
  }

  private ProcessInstance track(String actionId) {
    return runtimeService.startProcessInstanceByKey("action-tracking", "PP-IT-" + run,
        Map.of("caseId", caseId, "caseReference", "PP-IT-" + run, "actionId", actionId));
  }

  private void completeAs(String userId, Task task, Map<String, Object> variables) {
    identityService.setAuthentication(userId, List.of("police"), List.of(TestPartnerships.FIRST));
    try {
      taskService.complete(task.getId(), variables);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private List<String> candidateGroups(ProcessInstance tracking) {
    Task task = taskService.createTaskQuery().processInstanceId(tracking.getId())
        .taskDefinitionKey("Task_CompleteAction").singleResult();
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> "candidate".equals(link.getType())).map(IdentityLink::getGroupId).toList();
  }

  private String user(String role, String group) {
    String id = role + "." + run;
    User user = identityService.newUser(id);
    user.setPassword(password);
    identityService.saveUser(user);
    identityService.createTenantUserMembership(TestPartnerships.FIRST, id);
    identityService.createMembership(id, group);
    return id;
  }

  private ResponseEntity<String> get(String user, String path) {
    return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers(user)), String.class);
  }

  private ResponseEntity<String> post(String user, String path, Object body) {
    HttpHeaders headers = headers(user);
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
  }

  /** Credentials sent with the request itself (the test client would wait for a challenge first). */
  private HttpHeaders headers(String user) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, password);
    return headers;
  }

  private static JsonNode body(ResponseEntity<String> response) throws Exception {
    return JSON.readTree(response.getBody());
  }
}

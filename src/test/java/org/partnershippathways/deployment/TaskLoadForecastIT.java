package org.partnershippathways.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnershippathways.calendar.WorkingDayCalendar;
import org.partnershippathways.testsupport.GateReadyModels;
import org.partnershippathways.testsupport.PathwaysIntegrationTest;
import org.partnershippathways.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Issue 17: the task load of a changed process, forecast from a history made here at chosen moments. A process with
 * one coordinators' task ran 8 cases in the last 4 weeks (2 a week), each task open 1 or 3 working days
 * (2 on average), plus one case before those weeks that must not count. The changed model adds a
 * managers' task after it, due in 3 working days. By hand, with W working days in the 4 weeks (20 without a bank
 * holiday in them): coordinators 2 new tasks a week and 8 x 2 / W open on an average day (0.8) under both; managers none
 * now, 2 a week and 8 x 3 / W (1.2) with the change.
 */
@PathwaysIntegrationTest
class TaskLoadForecastIT {

  private static final String FORECAST = "/api/process-models/task-load-forecast?weeks=4";
  private static final String CHECK = "Task_CheckReferral";
  private static final String APPROVE = "Task_ApproveReferral";

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identity;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired WorkingDayCalendar calendar;

  private final ObjectMapper json = new ObjectMapper();
  private final String key = "forecast-" + UUID.randomUUID().toString().substring(0, 8);
  private TestRestTemplate owner;

  @BeforeEach
  void history() {
    owner = user("owner", "process-owners");
    GateReadyModels.deployUserTask(repository, key, CHECK, "coordinators");
    LocalDate today = LocalDate.now(calendar.zone());
    for (LocalDate day : List.of(workingDayOnOrBefore(today.minusDays(20)), workingDayOnOrBefore(today.minusDays(13)))) {
      runCase(day, 1);
      runCase(day, 1);
      runCase(day, 3);
      runCase(day, 3);
    }
    runCase(workingDayOnOrBefore(today.minusDays(40)), 1);
    ClockUtil.reset();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theLoadOfEachGroupUnderTheDeployedAndTheChangedProcess() throws Exception {
    int workingDays = workingDaysOfTheLastFourWeeks();

    JsonNode forecast = forecast(Map.of("processModel", Bpmn.convertToString(changed(true)),
        "forms", Map.of("approve-referral.form", GateReadyModels.form("approve-referral"))));

    assertThat(forecast.path("casesStarted").asInt()).as(forecast.toString()).isEqualTo(8);
    assertThat(forecast.path("casesPerWeek").asDouble()).isEqualTo(2.0);
    assertThat(forecast.path("workingDays").asInt()).isEqualTo(workingDays);
    assertThat(forecast.path("historyFrom").asText()).matches("\\d{2}/\\d{2}/\\d{4}");
    JsonNode check = task(forecast.path("deployedTasks"), CHECK);
    assertThat(check.path("visitsPerCase").asDouble()).isEqualTo(1.0);
    assertThat(check.path("workingDaysOpen").asDouble()).isEqualTo(2.0);
    assertThat(check.path("inChangedModel").asText()).isEqualTo("kept");
    JsonNode approve = task(forecast.path("changedTasks"), APPROVE);
    assertThat(approve.path("inChangedModel").asText()).isEqualTo("new");
    assertThat(approve.path("visitsPerCase").asDouble()).as("the rate of the task before it").isEqualTo(1.0);
    assertThat(approve.path("workingDaysOpen").asDouble()).as("its due date, P3D").isEqualTo(3.0);

    JsonNode coordinators = group(forecast, "Case coordinators");
    assertThat(coordinators.path("newTasksPerWeekNow").asDouble()).isEqualTo(2.0);
    assertThat(coordinators.path("openOnAverageDayNow").asDouble()).isCloseTo(8 * 2.0 / workingDays, within(0.01));
    assertThat(coordinators.path("newTasksPerWeekChanged").asDouble()).isEqualTo(2.0);
    assertThat(coordinators.path("openOnAverageDayChanged").asDouble())
        .isCloseTo(8 * 2.0 / workingDays, within(0.01));
    JsonNode managers = group(forecast, "Pathway managers (Caldicott guardians)");
    assertThat(managers.path("newTasksPerWeekNow").asDouble()).isZero();
    assertThat(managers.path("openOnAverageDayNow").asDouble()).isZero();
    assertThat(managers.path("newTasksPerWeekChanged").asDouble()).isEqualTo(2.0);
    assertThat(managers.path("openOnAverageDayChanged").asDouble()).isCloseTo(8 * 3.0 / workingDays, within(0.01));
    if (workingDays == 20) {
      assertThat(coordinators.path("openOnAverageDayNow").asDouble()).isEqualTo(0.8);
      assertThat(managers.path("openOnAverageDayChanged").asDouble()).isEqualTo(1.2);
    }
  }

  /** The pathway's own model is over 64 KB, the limit of other requests: accepted, and unchanged it changes no load. */
  @Test
  void thePathwayUnchangedChangesNoGroupsLoad() throws Exception {
    String pathway = java.nio.file.Files.readString(java.nio.file.Path.of("processes",
        "early-intervention-pathway.bpmn"));
    assertThat(pathway.length()).isGreaterThan(64 * 1024);

    JsonNode forecast = forecast(Map.of("processModel", pathway));

    assertThat(forecast.path("process").asText()).isEqualTo("early-intervention-pathway");
    assertThat(forecast.path("groups")).isNotEmpty();
    for (JsonNode group : forecast.path("groups")) {
      assertThat(group.path("newTasksPerWeekChanged").asDouble()).as(group.toString())
          .isEqualTo(group.path("newTasksPerWeekNow").asDouble());
      assertThat(group.path("openOnAverageDayChanged").asDouble()).as(group.toString())
          .isEqualTo(group.path("openOnAverageDayNow").asDouble());
    }
  }

  @Test
  void aModelThatIsNotAProcessOfThePathwayOrThatTheGateRefusesIsAnsweredNamingTheField() throws Exception {
    ResponseEntity<String> notBpmn = send(owner, FORECAST, Map.of("processModel", "<definitions>nothing"));
    assertThat(notBpmn.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(notBpmn.getBody()).contains("processModel", "not a process model Camunda can read")
        .doesNotContain("Exception");

    ResponseEntity<String> withoutForm = send(owner, FORECAST,
        Map.of("processModel", Bpmn.convertToString(changed(true))));
    assertThat(withoutForm.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(withoutForm.getBody()).contains("processModel", "The deployment gate would refuse it",
        APPROVE + ": shows the form 'approve-referral', which is not in this deployment");

    String otherProcess = Bpmn.convertToString(GateReadyModels.startAndEnd("made-up-" + key));
    ResponseEntity<String> unknown = send(owner, FORECAST, Map.of("processModel", otherProcess));
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(unknown.getBody()).contains("processModel", "is not a process of the pathway");

    ResponseEntity<String> noWeeks = send(owner, "/api/process-models/task-load-forecast?weeks=0",
        Map.of("processModel", Bpmn.convertToString(changed(false))));
    assertThat(noWeeks.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(noWeeks.getBody()).contains("weeks", "whole number from 1 to 52");

    ResponseEntity<String> badForm = send(owner, FORECAST, Map.of("processModel", Bpmn.convertToString(changed(true)),
        "forms", Map.of("approve-referral.txt", "{}")));
    assertThat(badForm.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(badForm.getBody()).contains("forms", "ending in .form");

    TestRestTemplate coordinator = user("coordinator", "coordinators");
    assertThat(send(coordinator, FORECAST, Map.of("processModel", Bpmn.convertToString(changed(false))))
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  /** The deployed process, and with {@code approval} a managers' task after the coordinators' one. */
  private BpmnModelInstance changed(boolean approval) {
    var check = Bpmn.createExecutableProcess(key).name("Test " + key).camundaHistoryTimeToLive(1)
        .startEvent("StartEvent_Started").name("Started").sequenceFlowId("SequenceFlow_ToWork")
        .userTask(CHECK).name("Do the work").camundaDueDate("P1D")
        .camundaFormRef(GateReadyModels.formId(CHECK)).camundaFormRefBinding("deployment")
        .camundaCandidateGroups("coordinators");
    if (!approval) {
      return check.sequenceFlowId("SequenceFlow_Done").endEvent("EndEvent_Done").name("Done").done();
    }
    return check.sequenceFlowId("SequenceFlow_ToApproval").userTask(APPROVE).name("Approve the referral")
        .camundaDueDate("P3D").camundaFormRef("approve-referral").camundaFormRefBinding("deployment")
        .camundaCandidateGroups("managers")
        .sequenceFlowId("SequenceFlow_Done").endEvent("EndEvent_Done").name("Done").done();
  }

  private LocalDate workingDayOnOrBefore(LocalDate day) {
    LocalDate working = day;
    while (!calendar.isWorkingDay(working)) {
      working = working.minusDays(1);
    }
    return working;
  }

  /** A case started at 10:00 on the day whose task is completed the given working days later, at 10:00. */
  private void runCase(LocalDate day, int workingDaysOpen) {
    ZonedDateTime started = day.atTime(10, 0).atZone(ZoneId.systemDefault());
    ClockUtil.setCurrentTime(Date.from(started.toInstant()));
    ProcessInstance instance = runtime.startProcessInstanceByKey(key);
    ClockUtil.setCurrentTime(Date.from(calendar.plusWorkingDays(started, workingDaysOpen).toInstant()));
    tasks.complete(tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId());
  }

  /** The 28 days up to today, today included. */
  private int workingDaysOfTheLastFourWeeks() {
    LocalDate today = LocalDate.now(calendar.zone());
    int count = 0;
    for (LocalDate day = today.minusDays(27); !day.isAfter(today); day = day.plusDays(1)) {
      count += calendar.isWorkingDay(day) ? 1 : 0;
    }
    return count;
  }

  private JsonNode forecast(Map<String, Object> body) throws Exception {
    ResponseEntity<String> answer = send(owner, FORECAST, body);
    assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
    return json.readTree(answer.getBody());
  }

  private static JsonNode task(JsonNode tasks, String id) {
    for (JsonNode task : tasks) {
      if (id.equals(task.path("taskId").asText())) {
        return task;
      }
    }
    throw new AssertionError(id + " is not in " + tasks);
  }

  private static JsonNode group(JsonNode forecast, String name) {
    for (JsonNode group : forecast.path("groups")) {
      if (name.equals(group.path("group").asText())) {
        return group;
      }
    }
    throw new AssertionError(name + " is not in " + forecast.path("groups"));
  }

  private ResponseEntity<String> send(TestRestTemplate user, String path, Map<String, ?> body) throws Exception {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return user.postForEntity(path, new HttpEntity<>(json.writeValueAsString(body), headers), String.class);
  }

  private TestRestTemplate user(String role, String group) {
    String id = "forecast-" + role + "." + UUID.randomUUID().toString().substring(0, 8);
    String password = UUID.randomUUID().toString();
    TestUsers.create(identity, id, password, group);
    return rest.withBasicAuth(id, password);
  }
}

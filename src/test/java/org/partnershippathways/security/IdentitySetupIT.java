package org.partnershippathways.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.partnershippathways.testsupport.PathwaysIntegrationTest;
import org.partnershippathways.testsupport.GateReadyModels;
import org.partnershippathways.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

@PathwaysIntegrationTest
class IdentitySetupIT {

  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;
  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired FilterService filterService;

  @Test
  void createsAGroupForEveryAgencyAndRole() {
    for (String group : new String[] {"coordinators", "police", "health", "social-care", "voluntary", "managers",
        "process-owners", "police-managers", "health-managers", "social-care-managers", "voluntary-managers", "out-of-hours-duty"}) {
      assertThat(identityService.createGroupQuery().groupId(group).count()).as(group).isEqualTo(1);
    }
  }

  @Test
  void createsNoDemoUsersOutsideDemoMode() {
    assertThat(identityService.createUserQuery().userId("coordinator").count()).isZero();
    assertThat(identityService.createUserQuery().userId("admin").memberOfGroup("camunda-admin").count()).isEqualTo(1);
  }

  @Test
  void onlyManagersAndProcessOwnersMayOpenCockpit() {
    assertThat(authorizationService.isUserAuthorized("someone", java.util.List.of("managers"), Permissions.ACCESS,
        Resources.APPLICATION, "cockpit")).isTrue();
    assertThat(authorizationService.isUserAuthorized("someone", java.util.List.of("police"), Permissions.ACCESS,
        Resources.APPLICATION, "cockpit")).isFalse();
    assertThat(authorizationService.isUserAuthorized("someone", java.util.List.of("police"), Permissions.ACCESS,
        Resources.APPLICATION, "tasklist")).isTrue();
  }

  @Test
  void theRestApisRefuseAnonymousCalls() {
    assertThat(rest.getForEntity("/engine-rest/task", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.getForEntity("/api/anything", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void healthIsOpenAndReportsTheEngineAndTheDatabase() {
    String health = rest.getForObject("/actuator/health", String.class);
    assertThat(health).contains("\"status\":\"UP\"").contains("processEngine").contains("db");
  }

  @Test
  void anAgencyPractitionerSeesAndWorksOnlyTheirAgencysTasksThroughTheRestApi() {
    String key = "agency-task-test-" + UUID.randomUUID().toString().substring(0, 8);
    GateReadyModels.deployUserTask(repositoryService, key, "Task_AgencyWork", "${group}");
    String policeReference = "PP-POL-" + UUID.randomUUID().toString().substring(0, 6);
    String healthReference = "PP-HEA-" + UUID.randomUUID().toString().substring(0, 6);
    String policeCase = runtimeService.startProcessInstanceByKey(key,
        Map.of("group", "police", "caseReference", policeReference, "riskRating", "AMBER")).getId();
    String healthCase = runtimeService.startProcessInstanceByKey(key,
        Map.of("group", "health", "caseReference", healthReference, "riskRating", "GREEN")).getId();
    String policeTask = taskService.createTaskQuery().processInstanceId(policeCase).singleResult().getId();
    String healthTask = taskService.createTaskQuery().processInstanceId(healthCase).singleResult().getId();

    assertThat(taskService.createTaskQuery().taskId(policeTask).singleResult().getPriority())
        .as("an amber case's task comes before a green one's").isEqualTo(60);
    assertThat(taskService.createTaskQuery().taskId(healthTask).singleResult().getPriority()).isEqualTo(40);

    String userId = "officer-" + UUID.randomUUID().toString().substring(0, 8);
    String password = UUID.randomUUID().toString();
    TestUsers.create(identityService, userId, password, "police");
    TestRestTemplate officer = rest.withBasicAuth(userId, password);

    String filterId = filterService.createTaskFilterQuery().filterName("My agency's tasks").singleResult().getId();
    String visible = officer.postForObject("/engine-rest/filter/" + filterId + "/list?maxResults=1000",
        Map.of(), String.class);
    assertThat(visible).contains(policeTask).doesNotContain(healthTask);
    assertThat(officer.postForObject("/engine-rest/filter/" + filterId + "/list?maxResults=1000",
        new HttpEntity<>(Map.of(), halHeaders()), String.class))
        .as("the Case and Risk columns of the officer's own agency's task").contains(policeReference, "\"Amber\"")
        .doesNotContain(healthReference);
    assertThat(officer.getForObject("/engine-rest/process-instance/" + policeCase + "/variables", String.class))
        .as("but not the case's process variables").doesNotContain(policeReference);

    assertThat(officer.postForEntity("/engine-rest/task/" + healthTask + "/complete", Map.of(), String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(officer.postForEntity("/engine-rest/task/" + policeTask + "/complete", Map.of(), String.class)
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceIds(java.util.Set.of(policeCase))
        .count()).isZero();
  }

  @Test
  void aSubProcessTaskShowsItsCasesRiskInWordsExceptToTheVoluntarySector() {
    String key = "risk-label-test-" + UUID.randomUUID().toString().substring(0, 8);
    repositoryService.createDeployment()
        .addModelInstance(key + "-action.bpmn", GateReadyModels.userTask(key + "-action", "Task_Action", "${group}"))
        .addString("action.form", GateReadyModels.form("action"))
        .addModelInstance(key + ".bpmn", Bpmn.createExecutableProcess(key).name("Test " + key)
            .camundaHistoryTimeToLive(1).startEvent("StartEvent_Started").name("Started")
            .sequenceFlowId("SequenceFlow_ToAction").callActivity("CallActivity_Action").name("Track the action")
            .calledElement(key + "-action").camundaCalledElementBinding("deployment").camundaIn("group", "group")
            .sequenceFlowId("SequenceFlow_Done").endEvent("EndEvent_Done").name("Done").done())
        .deploy();
    String reference = "PP-RISK-" + UUID.randomUUID().toString().substring(0, 6);
    String police = runtimeService.startProcessInstanceByKey(key,
        Map.of("group", "police", "caseReference", reference, "riskRating", "RED")).getId();
    String voluntary = runtimeService.startProcessInstanceByKey(key,
        Map.of("group", "voluntary", "caseReference", reference, "riskRating", "RED")).getId();

    Task policeAction = actionOf(police);
    Task voluntaryAction = actionOf(voluntary);

    assertThat(taskService.getVariablesLocal(policeAction.getId()))
        .as("the called process has no rating of its own: the case's is shown, in words")
        .containsEntry("riskLabel", "Red").containsEntry("caseReference", reference);
    assertThat(policeAction.getPriority()).isEqualTo(80);
    assertThat(taskService.getVariablesLocal(voluntaryAction.getId())).doesNotContainKey("riskLabel")
        .containsEntry("caseReference", reference);
    assertThat(voluntaryAction.getPriority()).as("a priority would tell the rating").isEqualTo(50);
  }

  private Task actionOf(String caseProcessId) {
    String called = runtimeService.createProcessInstanceQuery().superProcessInstanceId(caseProcessId).singleResult()
        .getId();
    return taskService.createTaskQuery().processInstanceId(called).singleResult();
  }

  @Test
  void coordinatorsSeeTheCaseColumnsOfTheirFiltersAndMayHandBackAClaimedTask() {
    String key = "coordinator-task-test-" + UUID.randomUUID().toString().substring(0, 8);
    GateReadyModels.deployUserTask(repositoryService, key, "Task_HubWork", "coordinators");
    String reference = "PP-TEST-" + UUID.randomUUID().toString().substring(0, 6);
    String caseId = runtimeService.startProcessInstanceByKey(key, Map.of("caseReference", reference)).getId();
    String taskId = taskService.createTaskQuery().processInstanceId(caseId).singleResult().getId();
    String userId = "hub-" + UUID.randomUUID().toString().substring(0, 8);
    String password = UUID.randomUUID().toString();
    TestUsers.create(identityService, userId, password, "coordinators");
    TestRestTemplate coordinator = rest.withBasicAuth(userId, password);

    String filterId = filterService.createTaskFilterQuery().filterName("My agency's tasks").singleResult().getId();
    String page = coordinator.postForObject("/engine-rest/filter/" + filterId + "/list?maxResults=1000",
        new HttpEntity<>(Map.of("processInstanceId", caseId), halHeaders()), String.class);
    assertThat(page).as("the Case column's variable in the filter list").contains(reference);

    taskService.claim(taskId, "someone-away");
    assertThat(coordinator.postForObject("/engine-rest/filter/" + filterId + "/list?maxResults=1000",
        Map.of("processInstanceId", caseId), String.class))
        .as("a claimed task stays in the agency's open work (issue 19)").contains(taskId);
    assertThat(coordinator.postForEntity("/engine-rest/task/" + taskId + "/unclaim", null, String.class)
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  private static HttpHeaders halHeaders() {
    HttpHeaders hal = new HttpHeaders();
    hal.set("Accept", "application/hal+json");
    hal.setContentType(MediaType.APPLICATION_JSON);
    return hal;
  }
}

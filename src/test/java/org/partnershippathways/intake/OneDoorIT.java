package org.partnershippathways.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricFormField;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnershippathways.testsupport.PathwaysIntegrationTest;
import org.partnershippathways.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 11, on the whole application: a case is created only by intake (one door), the person's details from the
 * start form stay out of process variables and history, and person matching neither joins the wrong person nor
 * tells anyone but coordinators that a case exists.
 */
@PathwaysIntegrationTest
class OneDoorIT {

  static final String PASSWORD = UUID.randomUUID().toString();
  static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  static final String COORDINATOR = "door-coordinator-" + RUN;
  static final String POLICE = "door-police-" + RUN;
  static final String MANAGER = "door-manager-" + RUN;
  static final String OWNER = "door-owner-" + RUN;
  static final String START = "/engine-rest/process-definition/key/early-intervention-pathway/";

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired TaskService taskService;
  @Autowired JdbcClient jdbc;
  final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void users() {
    TestUsers.create(identityService, COORDINATOR, PASSWORD, "coordinators");
    TestUsers.create(identityService, POLICE, PASSWORD, "police");
    TestUsers.create(identityService, MANAGER, PASSWORD, "managers");
    TestUsers.create(identityService, OWNER, PASSWORD, "process-owners");
  }

  private ResponseEntity<String> call(String user, HttpMethod method, String path, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setBasicAuth(user, PASSWORD);
    return rest.exchange(path, method, new HttpEntity<>(body, headers), String.class);
  }

  private JsonNode raise(String user, String familyName, String nhsNumber, String dateOfBirth) throws Exception {
    ResponseEntity<String> response = call(user, HttpMethod.POST, "/api/concerns",
        ConcernApiIT.concern(familyName, nhsNumber, "Worried about " + familyName)
            .replace("2011-04-23", dateOfBirth));
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
    return json.readTree(response.getBody());
  }

  private long pathwayInstances() {
    return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(PathwayProcess.KEY).count();
  }

  private static String startForm(String familyName, String nhsNumber, String dateOfBirth, String extra) {
    return """
        {"variables": {
          "referrerName": {"value": "PC Jones"}, "referrerAgency": {"value": "police"},
          "referrerContact": {"value": "01234 567890"}, "givenName": {"value": "Robin"},
          "familyName": {"value": "%s"}, "dateOfBirth": {"value": "%s"},
          "nhsNumber": {"value": "%s"}, "address": {"value": "7 Secret Lane"}, "child": {"value": false},
          "concernCategories": {"value": "[\\"HOUSING\\"]", "type": "Json"},
          "description": {"value": "Private story of %s"}, "immediateRisk": {"value": false},
          "consentObtained": {"value": true}%s}}""".formatted(familyName, dateOfBirth, nhsNumber, familyName, extra);
  }

  @Test
  void aForgedStartOfThePathwayIsRefusedAndLeavesNothing() throws Exception {
    JsonNode someoneElses = raise(COORDINATOR, ConcernApiIT.familyName(), ConcernApiIT.nhsNumber(), "2011-04-23");
    long instances = pathwayInstances();
    long triageTasks = taskService.createTaskQuery().taskDefinitionKey("Task_ConfirmTriage").count();
    String forged = """
        {"businessKey": "%s", "variables": {"caseId": {"value": "%s"}, "immediateRisk": {"value": true},
         "riskRating": {"value": "RED"}}}""".formatted(someoneElses.path("caseReference").asText(),
        someoneElses.path("caseId").asText());

    ResponseEntity<String> start = call(POLICE, HttpMethod.POST, START + "start", forged);
    ResponseEntity<String> form = call(POLICE, HttpMethod.POST, START + "submit-form", forged);
    ResponseEntity<String> asCoordinator = call(COORDINATOR, HttpMethod.POST, START + "submit-form",
        startForm(ConcernApiIT.familyName(), ConcernApiIT.nhsNumber(), "1990-01-01",
            ", \"caseId\": {\"value\": \"" + someoneElses.path("caseId").asText() + "\"}"));
    ResponseEntity<String> invalid = call(POLICE, HttpMethod.POST, START + "start",
        "{\"variables\": {\"caseId\": {\"value\": 12, \"type\": \"Integer\"}, \"immediateRisk\": {\"value\": -1}}}");

    assertThat(start.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(form.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(form.getBody()).contains("Only intake registers a case").contains("caseId").contains("riskRating");
    assertThat(asCoordinator.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(invalid.getStatusCode().is4xxClientError()).as(invalid.getBody()).isTrue();
    assertThat(pathwayInstances()).isEqualTo(instances);
    assertThat(taskService.createTaskQuery().taskDefinitionKey("Task_ConfirmTriage").count()).isEqualTo(triageTasks);
  }

  @Test
  void theCalledProcessesCannotBeStartedByUsersNorMessagesSentThroughTheEngineApi() throws Exception {
    JsonNode raised = raise(COORDINATOR, ConcernApiIT.familyName(), ConcernApiIT.nhsNumber(), "2011-04-23");
    long instances = historyService.createHistoricProcessInstanceQuery().count();
    String variables = "{\"variables\": {\"caseId\": {\"value\": \"" + raised.path("caseId").asText() + "\"}}}";

    for (String key : PathwayStartGuard.CALLED_PROCESSES) {
      ResponseEntity<String> submitted = call(COORDINATOR, HttpMethod.POST,
          "/engine-rest/process-definition/key/" + key + "/submit-form", variables);
      assertThat(submitted.getStatusCode()).as(key + ": " + submitted.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
    }
    ResponseEntity<String> message = call(COORDINATOR, HttpMethod.POST, "/engine-rest/message", """
        {"messageName": "Message_FurtherConcern", "processInstanceId": "%s"}"""
        .formatted(raised.path("processInstanceId").asText()));
    ResponseEntity<String> signal = call(COORDINATOR, HttpMethod.POST, "/engine-rest/signal", "{\"name\": \"x\"}");

    assertThat(message.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(message.getBody()).contains("POST /api/concerns");
    assertThat(signal.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(historyService.createHistoricProcessInstanceQuery().count()).isEqualTo(instances);
    assertThat(taskService.createTaskQuery().processInstanceId(raised.path("processInstanceId").asText())
        .taskDefinitionKey("Task_ReviewFurtherConcern").count()).isZero();
  }

  @Test
  void anInvalidStartFormIsABadRequestNamingTheFieldsAndLeavesNothing() {
    String family = ConcernApiIT.familyName();
    long instances = pathwayInstances();

    ResponseEntity<String> response = call(POLICE, HttpMethod.POST, START + "submit-form",
        startForm(family, "1234567890", "2999-01-01", ""));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    // named as the form labels them, in a sentence without the engine's words or the definition's id (issue 19)
    assertThat(response.getBody()).contains("\"message\":\"Please correct the form: ")
        .contains("Date of birth must not be in the future").contains("NHS number is not a valid NHS number")
        .doesNotContain("Cannot instantiate").doesNotContain("process definition");
    assertThat(pathwayInstances()).isEqualTo(instances);
    assertThat(jdbc.sql("select count(*) from pathway_case where person_family_name = ?").param(family)
        .query(Integer.class).single()).isZero();
  }

  @Test
  void thePersonsDetailsFromTheStartFormAreInOurTablesOnly() throws Exception {
    String family = ConcernApiIT.familyName();
    String nhsNumber = ConcernApiIT.nhsNumber();
    ResponseEntity<String> started = call(POLICE, HttpMethod.POST, START + "submit-form",
        startForm(family, nhsNumber, "1987-03-14", ""));
    assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.OK);
    String instanceId = json.readTree(started.getBody()).path("id").asText();
    // a further concern with the same NHS number and date of birth joins the case
    raise(POLICE, family + "-Jones", nhsNumber, "1987-03-14");

    assertThat(jdbc.sql("select person_nhs_number from pathway_case where process_instance_id = ?")
        .param(instanceId).query(String.class).single()).isEqualTo(nhsNumber);
    assertThat(runtimeService.getVariables(instanceId)).doesNotContainKeys("givenName", "familyName", "dateOfBirth",
        "nhsNumber", "address", "description", "referrerName", "referrerContact");
    List<String> personal = List.of(family, nhsNumber, "1987-03-14", "7 Secret Lane", "Private story",
        "Worried about");
    for (HistoricVariableInstance variable : historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(instanceId).list()) {
      assertThat(String.valueOf(variable.getValue())).as(variable.getName()).doesNotContain(personal);
    }
    for (HistoricDetail detail : historyService.createHistoricDetailQuery().processInstanceId(instanceId).list()) {
      Object value = detail instanceof HistoricVariableUpdate update ? update.getValue()
          : detail instanceof HistoricFormField field ? field.getFieldValue() : null;
      assertThat(String.valueOf(value)).as(detail.toString()).doesNotContain(personal);
    }
    for (String reader : List.of(MANAGER, OWNER)) {
      for (String query : List.of("/engine-rest/history/variable-instance?processInstanceId=" + instanceId,
          "/engine-rest/history/detail?processInstanceId=" + instanceId,
          "/engine-rest/history/variable-instance?deserializeValues=false&maxResults=10000",
          "/engine-rest/history/detail?maxResults=10000")) {
        ResponseEntity<String> answer = call(reader, HttpMethod.GET, query, null);
        assertThat(answer.getBody()).as(reader + " " + query).doesNotContain(personal);
      }
    }
  }

  @Test
  void onlyCoordinatorsLearnThatACaseExists() throws Exception {
    String family = ConcernApiIT.familyName();
    String nhsNumber = ConcernApiIT.nhsNumber();
    JsonNode first = raise(POLICE, family, nhsNumber, "2011-04-23");
    JsonNode joined = raise(POLICE, family, nhsNumber, "2011-04-23");

    for (JsonNode receipt : List.of(first, joined)) {
      assertThat(receipt.path("concernId").asText()).isNotBlank();
      assertThat(receipt.has("caseId") || receipt.has("caseReference") || receipt.has("processInstanceId")
          || receipt.has("joinedExistingCase")).as(receipt.toString()).isFalse();
    }
    JsonNode toCoordinator = raise(COORDINATOR, family, nhsNumber, "2011-04-23");
    assertThat(toCoordinator.path("joinedExistingCase").asBoolean()).isTrue();
    assertThat(jdbc.sql("select count(*) from pathway_concern where case_id = ?")
        .param(toCoordinator.path("caseId").asText()).query(Integer.class).single()).isEqualTo(3);
  }

  @Test
  void aConcernAboutSomeoneOnlyLikeAnOpenCasesPersonOpensACaseForACoordinatorToCheck() throws Exception {
    String family = ConcernApiIT.familyName();
    String nhsNumber = ConcernApiIT.nhsNumber();
    JsonNode first = raise(COORDINATOR, family, nhsNumber, "2011-04-23");

    // the same NHS number, but neither the family name nor the date of birth agree
    JsonNode other = raise(COORDINATOR, "Different", nhsNumber, "1970-01-01");

    assertThat(other.path("joinedExistingCase").asBoolean()).isFalse();
    assertThat(other.path("caseId").asText()).isNotEqualTo(first.path("caseId").asText());
    Map<String, Object> row = jdbc.sql("select possible_duplicate_of from pathway_case where id = ?")
        .param(other.path("caseId").asText()).query().singleRow();
    assertThat(row.values()).containsExactly(first.path("caseId").asText());
    String taskId = taskService.createTaskQuery().processInstanceId(other.path("processInstanceId").asText())
        .taskDefinitionKey("Task_ReviewPossibleDuplicate").singleResult().getId();
    assertThat(runtimeService.getVariable(other.path("processInstanceId").asText(), "possibleDuplicateOf"))
        .isEqualTo(first.path("caseReference").asText());

    ResponseEntity<String> linked = call(COORDINATOR, HttpMethod.POST, "/engine-rest/task/" + taskId + "/complete",
        "{\"variables\": {\"duplicateDecision\": {\"value\": \"LINK\"}, "
            + "\"duplicateReason\": {\"value\": \"Same person, misspelt\"}}}");

    assertThat(linked.getStatusCode()).as(linked.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(jdbc.sql("select status, closure_outcome, duplicate_decision from pathway_case where id = ?")
        .param(other.path("caseId").asText()).query().singleRow().values())
        .containsExactly("CLOSED", "DUPLICATE", "LINKED");
    assertThat(jdbc.sql("select count(*) from pathway_concern where case_id = ?")
        .param(first.path("caseId").asText()).query(Integer.class).single()).isEqualTo(2);
    assertThat(taskService.createTaskQuery().processInstanceId(first.path("processInstanceId").asText())
        .taskDefinitionKey("Task_ReviewFurtherConcern").count()).isEqualTo(1);
  }
}

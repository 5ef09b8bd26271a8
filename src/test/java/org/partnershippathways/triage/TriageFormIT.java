package org.partnershippathways.triage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnershippathways.intake.ConcernApiIT;
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

/**
 * What Tasklist does with "Confirm or override the triage": a form the coordinator filled wrongly is answered 400
 * with a sentence naming the field, and the task stays open; it was a 500 with the engine's listener dump.
 */
@PathwaysIntegrationTest
class TriageFormIT {

  static final String PASSWORD = UUID.randomUUID().toString();
  static final String COORDINATOR = "triage-form-coordinator-" + UUID.randomUUID().toString().substring(0, 8);

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identityService;
  @Autowired TaskService taskService;
  final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void users() {
    TestUsers.create(identityService, COORDINATOR, PASSWORD, "coordinators");
  }

  private ResponseEntity<String> call(String path, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setBasicAuth(COORDINATOR, PASSWORD);
    return rest.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
  }

  @Test
  void anOverrideWithoutAReasonIsAnsweredWithASentenceAndTheTaskStaysOpen() throws Exception {
    ResponseEntity<String> raised = call("/api/concerns", ConcernApiIT.concern(ConcernApiIT.familyName(),
        ConcernApiIT.nhsNumber(), "Worried about a neighbour"));
    assertThat(raised.getStatusCode()).as(raised.getBody()).isEqualTo(HttpStatus.CREATED);
    JsonNode receipt = json.readTree(raised.getBody());
    Task triage = taskService.createTaskQuery().processInstanceId(receipt.path("processInstanceId").asText())
        .taskDefinitionKey("Task_ConfirmTriage").singleResult();
    String proposed = (String) taskService.getVariable(triage.getId(), "proposedRiskRating");
    String other = "RED".equals(proposed) ? "GREEN" : "RED";
    call("/engine-rest/task/" + triage.getId() + "/claim", "{\"userId\": \"" + COORDINATOR + "\"}");

    ResponseEntity<String> noReason = call("/engine-rest/task/" + triage.getId() + "/submit-form",
        "{\"variables\": {\"riskRating\": {\"value\": \"" + other + "\"}}}");
    ResponseEntity<String> badRating = call("/engine-rest/task/" + triage.getId() + "/submit-form",
        "{\"variables\": {\"riskRating\": {\"value\": \"PURPLE\"}}}");

    assertThat(noReason.getStatusCode()).as(noReason.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json.readTree(noReason.getBody()).path("message").asText())
        .contains("override reason is needed: you changed the proposed triage, so say why")
        .doesNotContain("ENGINE-").doesNotContain("Exception");
    assertThat(badRating.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(badRating.getBody()).contains("risk rating must be red, amber or green");
    assertThat(taskService.createTaskQuery().taskId(triage.getId()).count()).isOne();
  }
}

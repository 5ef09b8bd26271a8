package org.partnershippathways.caseview;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnershippathways.cases.CaseStatus;
import org.partnershippathways.cases.Cases;
import org.partnershippathways.security.Agency;
import org.partnershippathways.security.PathwayGroups;
import org.partnershippathways.testsupport.PathwaysIntegrationTest;
import org.partnershippathways.testsupport.TestUsers;
import org.partnershippathways.testsupport.TestNames;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Issue 19: the coordinator decides the triage from what the screen shows. The facts of the triage task (person,
 * age, categories and agency in words, description, referrer, immediate risk, earlier concerns, the proposal in
 * words) come from our tables through our API and Tasklist's "Case" tab, for those who may see the task only,
 * and none of it is in the case's process variables or their history.
 */
@PathwaysIntegrationTest
class TaskFactsIT {

  static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  static final String PASSWORD = UUID.randomUUID().toString();
  static final String COORDINATOR = "facts-coordinator-" + RUN;
  static final String OFFICER = "facts-officer-" + RUN;
  static final LocalDate BORN = LocalDate.of(2011, 4, 23);

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identity;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired RuntimeService runtime;
  @Autowired Cases cases;
  final ObjectMapper json = new ObjectMapper();
  String familyName;

  @BeforeEach
  void users() {
    TestUsers.create(identity, COORDINATOR, PASSWORD, PathwayGroups.COORDINATORS);
    TestUsers.create(identity, OFFICER, PASSWORD, Agency.POLICE.groupId());
    // letters only (a name may not hold digits), and enough of them that two tests never share a person: a shared
    // name and date of birth would make the second concern a possible duplicate, waiting at another task
    familyName = "Factsfamily" + TestNames.inLetters(UUID.randomUUID().toString().replace("-", "").substring(0, 12));
  }

  @Test
  void theTriageTaskShowsWhatTheDecisionNeedsInWords() throws Exception {
    JsonNode first = raise("Seen with older men in a car.", "MISSING_EPISODES");
    cases.close(first.path("caseId").asText(), CaseStatus.CLOSED, "OUTCOMES_MET", Instant.now());
    JsonNode second = raise("Found at 2am in a stairwell, frightened.", "EXPLOITATION\", \"HOUSING");
    String processInstanceId = second.path("processInstanceId").asText();
    String taskId = tasks.createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey("Task_ConfirmTriage").singleResult().getId();

    ResponseEntity<String> answer = basic(COORDINATOR, "/api/tasks/" + taskId + "/facts");

    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
    JsonNode facts = json.readTree(answer.getBody());
    assertThat(facts.path("caseReference").asText()).isEqualTo(second.path("caseReference").asText());
    assertThat(facts.path("personal").asBoolean()).isTrue();
    assertThat(facts.path("person").path("name").asText()).isEqualTo("Alex " + familyName);
    assertThat(facts.path("person").path("age").asInt())
        .isEqualTo(Period.between(BORN, LocalDate.now(ZoneId.of("Europe/London"))).getYears());
    assertThat(facts.path("person").path("dateOfBirth").asText()).isEqualTo("23/04/2011");
    assertThat(facts.path("categories").toString()).isEqualTo("[\"Exploitation\",\"Housing\"]");
    assertThat(facts.path("immediateRisk").asBoolean()).isFalse();
    JsonNode concern = facts.path("concerns").path(0);
    assertThat(concern.path("description").asText()).isEqualTo("Found at 2am in a stairwell, frightened.");
    assertThat(concern.path("referrer").asText()).isEqualTo("PC Jones");
    assertThat(concern.path("referrerAgency").asText()).isEqualTo("Police");
    assertThat(concern.path("raisedOn").asText())
        .isEqualTo(LocalDate.now(ZoneId.of("Europe/London")).format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
    assertThat(facts.path("earlierConcerns")).hasSize(1);
    assertThat(facts.path("earlierConcerns").path(0).path("caseReference").asText())
        .isEqualTo(first.path("caseReference").asText());
    assertThat(facts.path("earlierConcerns").path(0).path("categories").toString()).isEqualTo("[\"Missing episodes\"]");
    JsonNode proposal = facts.path("proposal");
    assertThat(proposal.path("riskRating").asText()).isIn("Red", "Amber", "Green");
    assertThat(proposal.path("urgency").asText()).isIn("Immediate", "High", "Standard");
    assertThat(proposal.path("meetingWithin").asText()).matches("within \\d+ working days?");

    // Tasklist's "Case" tab (the same answer through the Tasklist session): AuthorizationMatrixIT, every role.

    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).list())
        .as("the case's variables and their history hold nothing about the person")
        .allSatisfy(variable -> assertThat(String.valueOf(variable.getValue())).doesNotContain(familyName)
            .doesNotContain("stairwell"));
  }

  @Test
  void whoMayNotSeeTheTaskIsToldItDoesNotExist() throws Exception {
    JsonNode raised = raise("Missing from home twice.", "MISSING_EPISODES");
    String taskId = tasks.createTaskQuery().processInstanceId(raised.path("processInstanceId").asText())
        .singleResult().getId();

    ResponseEntity<String> answer = basic(OFFICER, "/api/tasks/" + taskId + "/facts");

    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(404);
    assertThat(answer.getBody()).doesNotContain(familyName).doesNotContain("Missing from home");
  }

  @Test
  void anOverrideSubmittedInTheFormIsTheCasesDecision() throws Exception {
    JsonNode raised = raise("Missing overnight again.", "MISSING_EPISODES");
    String processInstanceId = raised.path("processInstanceId").asText();
    String taskId = tasks.createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey("Task_ConfirmTriage").singleResult().getId();
    String proposed = (String) runtime.getVariable(processInstanceId, "proposedRiskRating");
    String chosen = "AMBER".equals(proposed) ? "GREEN" : "AMBER";
    tasks.claim(taskId, COORDINATOR);
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(COORDINATOR, PASSWORD);
    headers.setContentType(MediaType.APPLICATION_JSON);
    String form = """
        {"variables": {"riskRating": {"value": "%s"}, "overrideReason": {"value": "%s"}}}""";

    ResponseEntity<String> withoutReason = rest.exchange("/engine-rest/task/" + taskId + "/submit-form",
        HttpMethod.POST, new HttpEntity<>(form.formatted(chosen, ""), headers), String.class);
    assertThat(withoutReason.getStatusCode().value()).as(withoutReason.getBody()).isEqualTo(400);
    assertThat(withoutReason.getBody()).contains("you changed the proposed triage, so say why");

    ResponseEntity<String> withReason = rest.exchange("/engine-rest/task/" + taskId + "/submit-form",
        HttpMethod.POST, new HttpEntity<>(form.formatted(chosen, "Known to the school"), headers), String.class);
    assertThat(withReason.getStatusCode().value()).as(withReason.getBody()).isEqualTo(204);
    assertThat(runtime.getVariable(processInstanceId, "riskRating"))
        .as("the case's rating is the coordinator's, not the proposal kept in the task's own Risk column")
        .isEqualTo(chosen);
    assertThat(runtime.getVariable(processInstanceId, "triageOverridden")).isEqualTo(true);
  }

  private JsonNode raise(String description, String categories) throws Exception {
    String concern = """
        {"referrer": {"name": "PC Jones", "agency": "police", "contact": "01234 567890"},
         "person": {"givenName": "Alex", "familyName": "%s", "dateOfBirth": "2011-04-23", "address": "1 Facts Road",
                    "child": true},
         "concernCategories": ["%s"], "description": "%s", "immediateRisk": false,
         "consentObtained": true}""".formatted(familyName, categories, description);
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(COORDINATOR, PASSWORD);
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.set("Idempotency-Key", UUID.randomUUID().toString());
    ResponseEntity<String> response = rest.exchange("/api/concerns", HttpMethod.POST,
        new HttpEntity<>(concern, headers), String.class);
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
    return json.readTree(response.getBody());
  }

  private ResponseEntity<String> basic(String user, String path) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, PASSWORD);
    return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
  }
}

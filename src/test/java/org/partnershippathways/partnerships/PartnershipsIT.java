package org.partnershippathways.partnerships;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnershippathways.intake.ConcernApiIT;
import org.partnershippathways.testsupport.PathwaysIntegrationTest;
import org.partnershippathways.testsupport.TestPartnerships;
import org.partnershippathways.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two partnerships on one deployment (issue 16): a case, its engine rows and what each partnership's people read
 * belong to the partnership the concern was raised in; on H2 and PostgreSQL. (Every endpoint as roles of a second
 * partnership: AuthorizationMatrixIT.)
 */
@PathwaysIntegrationTest
class PartnershipsIT {

  static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  static final String PASSWORD = UUID.randomUUID().toString();
  static final String FIRST_COORDINATOR = "pt-first-coordinator-" + RUN;
  static final String SECOND_COORDINATOR = "pt-second-coordinator-" + RUN;
  static final String SECOND_MANAGER = "pt-second-manager-" + RUN;
  static final String NOWHERE_COORDINATOR = "pt-nowhere-coordinator-" + RUN;

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identity;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired RepositoryService repository;
  @Autowired JdbcClient jdbc;
  final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void users() {
    TestUsers.create(identity, FIRST_COORDINATOR, PASSWORD, "coordinators");
    TestUsers.createIn(TestPartnerships.SECOND, identity, SECOND_COORDINATOR, PASSWORD, "coordinators");
    TestUsers.createIn(TestPartnerships.SECOND, identity, SECOND_MANAGER, PASSWORD, "managers");
    if (identity.createUserQuery().userId(NOWHERE_COORDINATOR).count() == 0) {
      org.camunda.bpm.engine.identity.User user = identity.newUser(NOWHERE_COORDINATOR);
      user.setPassword(PASSWORD);
      identity.saveUser(user);
      identity.createMembership(NOWHERE_COORDINATOR, "coordinators");
    }
  }

  @Test
  void theSamePersonInTwoPartnershipsHasACaseInEachAndEachSeesOnlyItsOwn() throws Exception {
    String nhsNumber = ConcernApiIT.nhsNumber();
    String familyName = "Ptfamily" + RUN;
    JsonNode first = raise(FIRST_COORDINATOR, familyName, nhsNumber);
    JsonNode second = raise(SECOND_COORDINATOR, familyName, nhsNumber);

    assertThat(second.path("joinedExistingCase").asBoolean())
        .as("a concern is matched only with its own partnership's open cases").isFalse();
    assertThat(second.path("caseId").asText()).isNotEqualTo(first.path("caseId").asText());
    assertThat(partnershipOfCase(first)).isEqualTo(TestPartnerships.FIRST);
    assertThat(partnershipOfCase(second)).isEqualTo(TestPartnerships.SECOND);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(first.path("processInstanceId").asText())
        .singleResult().getTenantId()).isEqualTo(TestPartnerships.FIRST);
    assertThat(tasks.createTaskQuery().processInstanceId(second.path("processInstanceId").asText()).singleResult()
        .getTenantId()).as("the case's task belongs to its partnership").isEqualTo(TestPartnerships.SECOND);

    String secondSearch = get(SECOND_COORDINATOR, "/api/cases?query=" + familyName).getBody();
    assertThat(secondSearch).contains(second.path("caseReference").asText())
        .doesNotContain(first.path("caseReference").asText());
    assertThat(get(SECOND_COORDINATOR, "/api/cases/" + first.path("caseId").asText()).getStatusCode().value())
        .isEqualTo(404);
    assertThat(get(FIRST_COORDINATOR, "/api/cases/" + first.path("caseId").asText()).getStatusCode().value())
        .isEqualTo(200);

    String secondTasks = get(SECOND_COORDINATOR, "/engine-rest/task?candidateGroup=coordinators&maxResults=1000")
        .getBody();
    assertThat(secondTasks).contains(second.path("processInstanceId").asText())
        .doesNotContain(first.path("processInstanceId").asText());
  }

  @Test
  void aPartnershipsOwnVersionOfThePathwayRunsItsCasesAndTheOthersKeepTheSharedOne() throws Exception {
    String ownVersion = deployThePathwayFor(TestPartnerships.SECOND);
    try {
      JsonNode second = raise(SECOND_COORDINATOR, "Ptversion" + RUN, ConcernApiIT.nhsNumber());
      JsonNode first = raise(FIRST_COORDINATOR, "Ptversion" + RUN, ConcernApiIT.nhsNumber());

      assertThat(definitionOf(second).getTenantId()).as("the partnership's own version").isEqualTo(
          TestPartnerships.SECOND);
      assertThat(definitionOf(second).getDeploymentId()).isEqualTo(ownVersion);
      assertThat(definitionOf(first).getTenantId()).as("the shared version").isNull();
      assertThat(tasks.createTaskQuery().processInstanceId(second.path("processInstanceId").asText()).count())
          .as("the case waits for triage in its partnership's version").isEqualTo(1);
    } finally {
      repository.deleteDeployment(ownVersion, true);
    }
  }

  /** The pathway's models and forms, deployed as a partnership deploys its own version: for its tenant only. */
  private String deployThePathwayFor(String partnership) throws java.io.IOException {
    org.camunda.bpm.engine.repository.DeploymentBuilder deployment = repository.createDeployment()
        .name("partnership's own pathway " + RUN).tenantId(partnership);
    org.springframework.core.io.support.PathMatchingResourcePatternResolver files =
        new org.springframework.core.io.support.PathMatchingResourcePatternResolver();
    for (String pattern : List.of("file:processes/*.bpmn", "file:processes/*.dmn", "file:forms/*.form")) {
      for (org.springframework.core.io.Resource file : files.getResources(pattern)) {
        deployment.addInputStream(file.getFilename(), file.getInputStream());
      }
    }
    return deployment.deploy().getId();
  }

  private org.camunda.bpm.engine.repository.ProcessDefinition definitionOf(JsonNode receipt) {
    String definitionId = runtime.createProcessInstanceQuery()
        .processInstanceId(receipt.path("processInstanceId").asText()).singleResult().getProcessDefinitionId();
    return repository.getProcessDefinition(definitionId);
  }

  @Test
  void aRepeatedIdempotencyKeyInAnotherPartnershipNeverAnswersTheOthersCase() throws Exception {
    String key = "pt-key-" + RUN;
    raiseWithKey(FIRST_COORDINATOR, "Ptkey" + RUN, ConcernApiIT.nhsNumber(), key);
    ResponseEntity<String> again = post(SECOND_COORDINATOR, "Ptkey" + RUN, ConcernApiIT.nhsNumber(), key);
    assertThat(again.getStatusCode().value()).as(again.getBody()).isEqualTo(409);
  }

  @Test
  void theWithdrawalFormFindsNoCaseOfAnotherPartnership() throws Exception {
    JsonNode first = raise(FIRST_COORDINATOR, "Ptwithdrawal" + RUN, ConcernApiIT.nhsNumber());
    String reference = first.path("caseReference").asText();
    ResponseEntity<String> fromTheOther = withdrawalForm(SECOND_COORDINATOR, reference);
    assertThat(fromTheOther.getStatusCode().value()).as(fromTheOther.getBody()).isEqualTo(400);
    assertThat(fromTheOther.getBody()).contains("is not the reference of a case");
    assertThat(jdbc.sql("select count(*) from consent_withdrawal where case_id = :id")
        .param("id", first.path("caseId").asText()).query(Long.class).single()).isZero();
    assertThat(withdrawalForm(FIRST_COORDINATOR, reference).getBody())
        .as("the case's own partnership finds it").doesNotContain("is not the reference of a case");
  }

  private ResponseEntity<String> withdrawalForm(String user, String reference) {
    HttpHeaders headers = headers(user);
    headers.setContentType(MediaType.APPLICATION_JSON);
    String form = """
        {"variables": {"caseReference": {"value": "%s", "type": "String"},
          "withdrawnBy": {"value": "The person, by telephone", "type": "String"},
          "withdrawalNotes": {"value": "Partnerships test", "type": "String"}}}""".formatted(reference);
    return rest.exchange("/engine-rest/process-definition/key/consent-withdrawal/submit-form", HttpMethod.POST,
        new HttpEntity<>(form, headers), String.class);
  }

  @Test
  void aUserOfNoPartnershipIsToldWhyTheyCannotRaiseAConcern() {
    ResponseEntity<String> refused = post(NOWHERE_COORDINATOR, "Ptnowhere" + RUN, ConcernApiIT.nhsNumber(),
        UUID.randomUUID().toString());
    assertThat(refused.getStatusCode().value()).isEqualTo(403);
    assertThat(refused.getBody()).contains("Your account belongs to no partnership");
  }

  @Test
  void aManagerSeesTheTimingsOfTheirOwnPartnershipOnly() throws Exception {
    int before = casesStarted(SECOND_MANAGER);
    raise(FIRST_COORDINATOR, "Pttimings" + RUN, ConcernApiIT.nhsNumber());
    assertThat(casesStarted(SECOND_MANAGER)).as("another partnership's new case").isEqualTo(before);
    raise(SECOND_COORDINATOR, "Pttimings" + RUN, ConcernApiIT.nhsNumber());
    assertThat(casesStarted(SECOND_MANAGER)).as("the partnership's own new case").isEqualTo(before + 1);
  }

  /** The cases the manager's timings count as started in their period (to today). */
  private int casesStarted(String manager) throws Exception {
    JsonNode timings = json.readTree(get(manager, "/api/timings").getBody());
    int started = 0;
    for (JsonNode week : timings.path("trend")) {
      started += week.path("casesStarted").asInt();
    }
    return started;
  }

  private String partnershipOfCase(JsonNode receipt) {
    return jdbc.sql("select partnership_id from pathway_case where id = :id")
        .param("id", receipt.path("caseId").asText()).query(String.class).single();
  }

  private JsonNode raise(String user, String familyName, String nhsNumber) throws Exception {
    return raiseWithKey(user, familyName, nhsNumber, UUID.randomUUID().toString());
  }

  private JsonNode raiseWithKey(String user, String familyName, String nhsNumber, String key) throws Exception {
    ResponseEntity<String> response = post(user, familyName, nhsNumber, key);
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
    return json.readTree(response.getBody());
  }

  private ResponseEntity<String> post(String user, String familyName, String nhsNumber, String key) {
    String concern = """
        {"referrer": {"name": "PC Jones", "agency": "police", "contact": "01234 567890"},
         "person": {"givenName": "Alex", "familyName": "%s", "dateOfBirth": "1990-04-23", "nhsNumber": "%s",
                    "address": "1 Partnership Lane", "child": false},
         "concernCategories": ["HOUSING"], "description": "Partnerships test", "immediateRisk": false,
         "consentObtained": true}""".formatted(familyName, nhsNumber);
    HttpHeaders headers = headers(user);
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.set("Idempotency-Key", key);
    return rest.exchange("/api/concerns", HttpMethod.POST, new HttpEntity<>(concern, headers), String.class);
  }

  private ResponseEntity<String> get(String user, String path) {
    return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers(user)), String.class);
  }

  private static HttpHeaders headers(String user) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, PASSWORD);
    return headers;
  }
}

package org.partnershippathways.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnershippathways.cases.CaseSummary;
import org.partnershippathways.cases.Cases;
import org.partnershippathways.testsupport.PathwaysIntegrationTest;
import org.partnershippathways.testsupport.TestPartnerships;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code POST /api/concerns} on the whole application, on H2 and on PostgreSQL. */
@PathwaysIntegrationTest
public class ConcernApiIT {

  static final String PASSWORD = UUID.randomUUID().toString();
  static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  static final String COORDINATOR = "it-coordinator-" + RUN;
  static final String POLICE = "it-police-" + RUN;
  static final String NOBODY = "it-nogroup-" + RUN;

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired TaskService taskService;
  @Autowired JdbcClient jdbc;
  @Autowired Cases cases;
  @Autowired ConfigurableApplicationContext context;
  final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void users() {
    user(COORDINATOR, "coordinators");
    user(POLICE, "police");
    user(NOBODY, null);
  }

  private void user(String id, String group) {
    if (identityService.createUserQuery().userId(id).count() > 0) {
      return;
    }
    User user = identityService.newUser(id);
    user.setPassword(PASSWORD);
    identityService.saveUser(user);
    identityService.createTenantUserMembership(TestPartnerships.FIRST, id);
    if (group != null) {
      identityService.createMembership(id, group);
    }
  }

  public static String nhsNumber() {
    while (true) {
      String digits = String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000L, 1_000_000_000L));
      int sum = 0;
      for (int i = 0; i < 9; i++) {
        sum += (digits.charAt(i) - '0') * (10 - i);
      }
      int check = 11 - sum % 11;
      if (check != 10) {
        return digits + (check == 11 ? 0 : check);
      }
    }
  }

  public static String familyName() {
    return "Person" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  public static String concern(String familyName, String nhsNumber, String description) {
    return """
        {"referrer": {"name": "PC Jones", "agency": "police", "contact": "01234 567890"},
         "person": {"givenName": "Alex", "familyName": "%s", "dateOfBirth": "2011-04-23", "nhsNumber": %s,
                    "address": "1 High Street", "child": true},
         "concernCategories": ["EXPLOITATION", "MISSING_EPISODES"],
         "description": "%s", "immediateRisk": false, "consentObtained": true}"""
        .formatted(familyName, nhsNumber == null ? "null" : "\"" + nhsNumber + "\"", description);
  }

  private ResponseEntity<String> post(String user, String body, String idempotencyKey) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setBasicAuth(user, PASSWORD);
    if (idempotencyKey != null) {
      headers.set("Idempotency-Key", idempotencyKey);
    }
    return rest.postForEntity("/api/concerns", new HttpEntity<>(body, headers),
        String.class);
  }

  private JsonNode read(ResponseEntity<String> response) throws Exception {
    return json.readTree(response.getBody());
  }

  private int casesOf(String familyName) {
    return jdbc.sql("select count(*) from pathway_case where person_family_name = :f").param("f", familyName)
        .query(Integer.class).single();
  }

  private int concernsOf(String caseId) {
    return jdbc.sql("select count(*) from pathway_concern where case_id = :c").param("c", caseId)
        .query(Integer.class).single();
  }

  @Test
  void aConcernAboutSomeoneNewOpensACaseAndStartsItsPathway() throws Exception {
    String family = familyName();
    ResponseEntity<String> response = post(COORDINATOR, concern(family, nhsNumber(), "Missing three times"), null);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode body = read(response);
    assertThat(body.path("caseReference").asText()).matches("PP-\\d{4}-\\d{6}");
    assertThat(body.path("joinedExistingCase").asBoolean()).isFalse();
    ProcessInstance instance = runtimeService.createProcessInstanceQuery()
        .processInstanceId(body.path("processInstanceId").asText()).singleResult();
    assertThat(instance.getBusinessKey()).isEqualTo(body.path("caseReference").asText());
    assertThat(runtimeService.getVariable(instance.getId(), "caseId")).isEqualTo(body.path("caseId").asText());
    assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getTaskDefinitionKey())
        .isEqualTo("Task_ConfirmTriage");
    Map<String, Object> row = jdbc.sql("select status, process_instance_id, reference from pathway_case where id = :id")
        .param("id", body.path("caseId").asText()).query().singleRow();
    assertThat(row.values()).containsExactly("OPEN", instance.getId(), body.path("caseReference").asText());
    assertThat(concernsOf(body.path("caseId").asText())).isEqualTo(1);

    CaseSummary summary = cases.summary(body.path("caseId").asText()).orElseThrow();
    assertThat(summary.reference()).isEqualTo(body.path("caseReference").asText());
    assertThat(summary.person().familyName()).isEqualTo(family);
    assertThat(summary.person().child()).isTrue();
    assertThat(summary.concernCategories()).containsExactly("EXPLOITATION", "MISSING_EPISODES");
    assertThat(summary.referrerAgency()).isEqualTo("police");
  }

  @Test
  void anInvalidConcernIsAnsweredFieldByFieldAndLeavesNothingBehind() throws Exception {
    String family = familyName();
    String invalid = concern(family, "9434765918", "x").replace("2011-04-23", "2999-01-01")
        .replace("\"EXPLOITATION\"", "\"GOSSIP\"").replace("\"PC Jones\"", "\"\"");
    long instances = runtimeService.createProcessInstanceQuery().count();

    ResponseEntity<String> response = post(COORDINATOR, invalid, UUID.randomUUID().toString());

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    JsonNode body = read(response);
    assertThat(body.path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("referrer.name",
        "person.dateOfBirth", "person.nhsNumber", "concernCategories[0]");
    assertThat(response.getBody()).doesNotContain("Exception").doesNotContain("at org.");
    assertThat(casesOf(family)).isZero();
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instances);
  }

  @Test
  void malformedJsonIsABadRequestInOurFormat() throws Exception {
    ResponseEntity<String> response = post(COORDINATOR, "{\"referrer\": {", null);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(read(response).path("errors").findValuesAsText("field")).containsExactly("body");
  }

  @Test
  void aRetriedRequestWithTheSameIdempotencyKeyAnswersTheSameAndCreatesNothing() throws Exception {
    String family = familyName();
    String body = concern(family, nhsNumber(), "Seen with older men in a car");
    String key = UUID.randomUUID().toString();

    ResponseEntity<String> first = post(COORDINATOR, body, key);
    ResponseEntity<String> retry = post(COORDINATOR, body, key);

    assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(read(retry)).isEqualTo(read(first));
    assertThat(casesOf(family)).isEqualTo(1);
    assertThat(concernsOf(read(first).path("caseId").asText())).isEqualTo(1);
    assertThat(runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(read(first).path("caseReference").asText()).count()).isEqualTo(1);

    ResponseEntity<String> other = post(COORDINATOR, concern(familyName(), null, "Another person"), key);
    assertThat(other.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
  }

  @Test
  void aConcernAboutAPersonWithAnOpenCaseJoinsIt() throws Exception {
    String family = familyName();
    String nhs = nhsNumber();
    JsonNode first = read(post(COORDINATOR, concern(family, nhs, "First concern"), null));

    // Same NHS number and date of birth, name written differently: the same person
    ResponseEntity<String> response = post(COORDINATOR, concern(family + "-Smith", nhs, "Further concern"), null);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode second = read(response);
    assertThat(second.path("joinedExistingCase").asBoolean()).isTrue();
    assertThat(second.path("caseId").asText()).isEqualTo(first.path("caseId").asText());
    assertThat(second.path("processInstanceId").asText()).isEqualTo(first.path("processInstanceId").asText());
    assertThat(concernsOf(first.path("caseId").asText())).isEqualTo(2);
    assertThat(taskService.createTaskQuery().processInstanceId(first.path("processInstanceId").asText())
        .taskDefinitionKey("Task_ReviewFurtherConcern").count()).isEqualTo(1);

    // Same name and date of birth, but no NHS number to confirm it: a case of its own, marked as a possible
    // duplicate for a coordinator to link or keep apart (issue 11: join only on the NHS number and name or birth)
    JsonNode third = read(post(COORDINATOR, concern(family, null, "Third concern"), null));
    assertThat(third.path("caseId").asText()).isNotEqualTo(first.path("caseId").asText());
    assertThat(third.path("joinedExistingCase").asBoolean()).isFalse();
    assertThat(taskService.createTaskQuery().processInstanceId(third.path("processInstanceId").asText())
        .singleResult().getTaskDefinitionKey()).isEqualTo("Task_ReviewPossibleDuplicate");
  }

  @Test
  void aFailureAfterTheStartLeavesNoRowAndNoInstance() {
    String family = familyName();
    long instances = historyService.createHistoricProcessInstanceQuery().count();
    // Added to the shared context for this test only (a test configuration would start a context of its own)
    ApplicationListener<ApplicationEvent> failAfterStart = event -> {
      if (event instanceof PayloadApplicationEvent<?> payload && payload.getPayload() instanceof ConcernRaised) {
        throw new IllegalStateException("Test failure after the process instance started");
      }
    };
    context.addApplicationListener(failAfterStart);
    try {
      ResponseEntity<String> response = post(COORDINATOR, concern(family, nhsNumber(), "Fails after the start"), null);
      assertThat(response.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    } finally {
      context.removeApplicationListener(failAfterStart);
    }

    assertThat(casesOf(family)).isZero();
    assertThat(historyService.createHistoricProcessInstanceQuery().count()).isEqualTo(instances);
  }

  @Test
  void theTasklistStartFormRegistersTheSameRowsAsTheApi() throws Exception {
    String family = familyName();
    String form = """
        {"variables": {
          "referrerName": {"value": "PC Jones"}, "referrerAgency": {"value": "police"},
          "referrerContact": {"value": "01234 567890"}, "givenName": {"value": "Alex"},
          "familyName": {"value": "%s"}, "dateOfBirth": {"value": "2011-04-23"},
          "nhsNumber": {"value": "%s"}, "address": {"value": "1 High Street"}, "child": {"value": true},
          "concernCategories": {"value": "[\\"EXPLOITATION\\",\\"MISSING_EPISODES\\"]", "type": "Json"},
          "description": {"value": "Missing three times"}, "immediateRisk": {"value": false},
          "consentObtained": {"value": true}}}""".formatted(family, nhsNumber());
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setBasicAuth(COORDINATOR, PASSWORD);

    ResponseEntity<String> response = rest.postForEntity(
        "/engine-rest/process-definition/key/early-intervention-pathway/submit-form", new HttpEntity<>(form, headers),
        String.class);

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
    String instanceId = read(response).path("id").asText();
    String caseId = (String) runtimeService.getVariable(instanceId, "caseId");
    Map<String, Object> row = jdbc.sql("""
            select c.process_instance_id, c.person_child, c.referrer_agency, k.categories, k.raised_by
            from pathway_case c join pathway_concern k on k.case_id = c.id where c.id = :id""")
        .param("id", caseId).query().singleRow();
    assertThat(row.values()).containsExactly(instanceId, true, "police", "EXPLOITATION,MISSING_EPISODES",
        COORDINATOR);
    assertThat(casesOf(family)).isEqualTo(1);
    assertThat(taskService.createTaskQuery().processInstanceId(instanceId).singleResult().getTaskDefinitionKey())
        .isEqualTo("Task_ConfirmTriage");
  }

  @Test
  void onlyReferrersMayRaiseConcerns() {
    String family = familyName();

    assertThat(post(NOBODY, concern(family, nhsNumber(), "x"), null).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.postForEntity("/api/concerns", concern(family, null, "x"), String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(casesOf(family)).isZero();
  }
}

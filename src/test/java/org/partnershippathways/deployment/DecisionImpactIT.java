package org.partnershippathways.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnershippathways.intake.ConcernApiIT;
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
 * Issue 17: before deploying a changed decision table, a process owner sees what it would have changed on the
 * cases the deployed one decided, from the engine's history, in words; nothing is deployed.
 */
@PathwaysIntegrationTest
class DecisionImpactIT {

  private static final String PREVIEW = "/api/process-models/decision-impact?decisions=" + DecisionImpact.MOST_DECISIONS;

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identity;
  @Autowired RepositoryService repository;

  private final ObjectMapper json = new ObjectMapper();
  private final String suffix = UUID.randomUUID().toString().substring(0, 8);
  private TestRestTemplate owner;
  private TestRestTemplate coordinator;

  @BeforeEach
  void users() {
    owner = user("owner", "process-owners");
    coordinator = user("coordinator", "coordinators");
  }

  @Test
  void aChangedTriageTableListsTheCasesWhoseRatingWouldChange() throws Exception {
    String everydayConcern = raise("HOUSING", false);
    String seriousConcern = raise("EXPLOITATION", true);
    String greenBecomesAmber = shipped("risk-triage.dmn")
        .replace("<outputEntry id=\"OutputEntry_Triage7_1\"><text>\"GREEN\"</text>",
            "<outputEntry id=\"OutputEntry_Triage7_1\"><text>\"AMBER\"</text>");
    long deployedDecisions = decisionDefinitions();

    JsonNode preview = preview(greenBecomesAmber);

    assertThat(preview.path("decision").asText()).isEqualTo("risk-triage");
    assertThat(preview.path("decisionsCompared").asInt()).isGreaterThanOrEqualTo(2);
    JsonNode everyday = caseIn(preview, everydayConcern);
    assertThat(everyday).as("the everyday concern would be rated Amber: " + preview).isNotNull();
    assertThat(everyday.path("changes")).hasSize(1);
    assertThat(everyday.path("changes").get(0).path("what").asText()).isEqualTo("Risk rating");
    assertThat(everyday.path("changes").get(0).path("was").asText()).isEqualTo("Green");
    assertThat(everyday.path("changes").get(0).path("wouldBe").asText()).isEqualTo("Amber");
    assertThat(everyday.path("decidedOn").asText()).matches("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}");
    assertThat(caseIn(preview, seriousConcern)).as("a red case keeps its rating").isNull();
    assertThat(preview.path("changesByOutput").path("Risk rating").asInt()).isPositive();
    assertThat(preview.toString()).as("no person's details, no codes")
        .doesNotContain("Impact" + suffix, "GREEN", "AMBER");
    assertThat(decisionDefinitions()).as("nothing deployed").isEqualTo(deployedDecisions);

    JsonNode unchanged = preview(shipped("risk-triage.dmn"));
    assertThat(caseIn(unchanged, everydayConcern)).isNull();
    assertThat(unchanged.path("decisionsChanged").asInt()).isZero();
  }

  @Test
  void aFileThatIsNotADecisionOfThePathwayIsRefusedNamingTheField() throws Exception {
    ResponseEntity<String> notDmn = send(owner, PREVIEW, Map.of("decisionTable", "<definitions>nothing"));
    assertThat(notDmn.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(notDmn.getBody()).contains("decisionTable", "not a decision table Camunda can read")
        .doesNotContain("Exception");

    String otherKey = shipped("risk-triage.dmn").replace("id=\"risk-triage\"", "id=\"made-up-decision\"")
        .replace("dmnElementRef=\"risk-triage\"", "dmnElementRef=\"made-up-decision\"");
    ResponseEntity<String> unknown = send(owner, PREVIEW, Map.of("decisionTable", otherKey));
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(unknown.getBody()).contains("no decision the pathway uses", "risk-triage");

    String withoutHistoryTimeToLive = shipped("risk-triage.dmn").replaceFirst(" camunda:historyTimeToLive=\"[^\"]*\"", "");
    ResponseEntity<String> refused = send(owner, PREVIEW, Map.of("decisionTable", withoutHistoryTimeToLive));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody()).contains("decisionTable", "The deployment gate would refuse it: risk-triage: the"
        + " decision has no history time to live");

    ResponseEntity<String> tooMany = send(owner, "/api/process-models/decision-impact?decisions=100000",
        Map.of("decisionTable", shipped("risk-triage.dmn")));
    assertThat(tooMany.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(tooMany.getBody()).contains("decisions", "whole number from 1 to 500");

    assertThat(send(coordinator, PREVIEW, Map.of("decisionTable", shipped("risk-triage.dmn"))).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  private long decisionDefinitions() {
    return repository.createDecisionDefinitionQuery().count();
  }

  private JsonNode preview(String table) throws Exception {
    ResponseEntity<String> answer = send(owner, PREVIEW, Map.of("decisionTable", table));
    assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
    return json.readTree(answer.getBody());
  }

  private static JsonNode caseIn(JsonNode preview, String reference) {
    for (JsonNode impact : preview.path("cases")) {
      if (reference.equals(impact.path("caseReference").asText())) {
        return impact;
      }
    }
    return null;
  }

  private String raise(String category, boolean child) throws Exception {
    String body = json.writeValueAsString(Map.of(
        "referrer", Map.of("name", "PC Impact", "agency", "police", "contact", "01632 960000"),
        "person", Map.of("givenName", "Sam", "familyName", "Impact" + suffix + category.charAt(0),
            "dateOfBirth", child ? "2012-03-14" : "1980-03-14", "nhsNumber", ConcernApiIT.nhsNumber(),
            "address", "3 Test Road, Testtown", "child", child),
        "concernCategories", List.of(category), "description", "Impact preview " + suffix,
        "immediateRisk", false, "consentObtained", true));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.set("Idempotency-Key", UUID.randomUUID().toString());
    ResponseEntity<String> raised = coordinator.postForEntity("/api/concerns", new HttpEntity<>(body, headers),
        String.class);
    assertThat(raised.getStatusCode()).as(raised.getBody()).isEqualTo(HttpStatus.CREATED);
    return json.readTree(raised.getBody()).path("caseReference").asText();
  }

  private ResponseEntity<String> send(TestRestTemplate user, String path, Map<String, String> body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return user.postForEntity(path, new HttpEntity<>(body, headers), String.class);
  }

  private static String shipped(String file) throws Exception {
    return Files.readString(Path.of("processes", file));
  }

  private TestRestTemplate user(String key, String... groups) {
    String userId = "impact-" + key + "." + suffix;
    String password = UUID.randomUUID().toString();
    TestUsers.create(identity, userId, password, groups);
    return rest.withBasicAuth(userId, password);
  }
}

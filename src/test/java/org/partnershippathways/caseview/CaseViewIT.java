package org.partnershippathways.caseview;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnershippathways.security.Agency;
import org.partnershippathways.security.PartnerApiKeys;
import org.partnershippathways.intake.ConcernApiIT;
import org.partnershippathways.testsupport.AgencyTasks;
import org.partnershippathways.testsupport.CaseVariables;
import org.partnershippathways.testsupport.CaseJobs;
import org.partnershippathways.testsupport.PartnerKeysForTests;
import org.partnershippathways.testsupport.PathwaysIntegrationTest;
import org.partnershippathways.testsupport.SandboxForTests;
import org.partnershippathways.testsupport.TestUsers;
import org.partnershippathways.testsupport.TestNames;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 19: a case's summary and chronology. A case runs through Tasklist's forms to sharing, a meeting and its
 * action plan; its chronology is one dated list, oldest first, in words and UK dates; each role sees what
 * docs/security.md allows (the hub everything, an agency its own entries only, the voluntary sector no risk
 * rating, everybody else nothing), a restricted case its mark and an erased case its tombstone; the hub searches
 * by reference, name and NHS number.
 */
@PathwaysIntegrationTest
class CaseViewIT {

  static final ConfigurableApplicationContext SANDBOX = SandboxForTests.start();
  static final DateTimeFormatter UK_MOMENT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

  @DynamicPropertySource
  static void partnersAreTheSandbox(DynamicPropertyRegistry registry) {
    SandboxForTests.pointAdaptersAt(SANDBOX, registry);
  }

  @AfterAll
  static void stopSandbox() {
    SANDBOX.close();
  }

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identity;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired PartnerApiKeys apiKeys;

  private final ObjectMapper json = new ObjectMapper();
  private final String suffix = UUID.randomUUID().toString().substring(0, 8);
  private final String familyName = "Chrono" + TestNames.inLetters(suffix);
  private final Map<String, TestRestTemplate> users = new HashMap<>();
  private Map<Agency, String> partnerKeys;

  @BeforeEach
  void usersOfEveryGroup() {
    user("coordinator", "coordinators");
    user("manager", "managers");
    user("process-owner", "process-owners");
    user("police", "police");
    user("health", "health");
    user("social-care", "social-care");
    user("voluntary", "voluntary");
    partnerKeys = PartnerKeysForTests.newKeys(apiKeys);
  }

  @Test
  void theChronologyListsWhatHappenedInOrderAndEachRoleSeesOnlyItsPart() throws Exception {
    String nhsNumber = ConcernApiIT.nhsNumber();
    JsonNode raised = raiseConcern(nhsNumber);
    String caseId = raised.path("caseId").asText();
    String reference = raised.path("caseReference").asText();
    runToTheActionPlan(caseId);

    JsonNode hub = get("coordinator", "/api/cases/" + caseId + "/chronology");
    List<String> whats = texts(hub, "what");
    assertThat(whats).as("the coordinator's chronology").containsSubsequence(
        "Case " + reference + " opened", "Concern raised by Police", "Triage overridden", "Consent given",
        "Information asked of Police", "Reply from Police: it holds information",
        "Multi-agency meeting scheduled", "Meeting held: attendance recorded",
        "Meeting decisions and action plan recorded");
    assertThat(whats).as("an escalation only the engine's history holds").contains(
        "Meeting not scheduled in 2 working days: escalated to the pathway managers");
    assertThat(whats).contains("Information asked of Health (NHS)", "Reply from Health (NHS): it holds information")
        .anyMatch(what -> what.startsWith("Action for Police, due "))
        .anyMatch(what -> what.startsWith("Action for Voluntary sector, due "));
    List<LocalDateTime> moments = texts(hub, "when").stream().map(when -> LocalDateTime.parse(when, UK_MOMENT))
        .toList();
    assertThat(moments).as("UK dates and times, oldest first").isSortedAccordingTo(LocalDateTime::compareTo);
    JsonNode triage = entry(hub, "Triage overridden");
    assertThat(triage.path("detail").asText()).contains("Risk Amber, urgency standard, meeting within 10 working days",
        "The rules proposed Amber, high, within 5 working days", "Reason: Known to MARAC");
    assertThat(entry(hub, "Concern raised by Police").path("detail").asText())
        .contains("Domestic abuse, Mental health", "Shouting heard through the wall " + suffix);
    assertThat(entry(hub, "Consent given").path("detail").asText()).contains("Given by the person, at the GP",
        "What may be shared: identity, address, concern categories and risk rating");
    assertThat(entry(hub, "Meeting held: attendance recorded").path("detail").asText())
        .isEqualTo("Attended: Police and Health (NHS). Did not attend: Social care and Voluntary sector.");
    assertThat(hub.toString()).doesNotContain("DOMESTIC_ABUSE", "GIVEN\"", "\"police\"", "P5D", "AMBER\"");

    JsonNode police = get("police", "/api/cases/" + caseId + "/chronology");
    List<String> policeSees = texts(police, "what");
    assertThat(policeSees).contains("Case " + reference + " opened", "Concern raised by Police",
        "Triage overridden", "Information asked of Police", "Reply from Police: it holds information",
        "Multi-agency meeting scheduled").anyMatch(what -> what.startsWith("Action for Police"))
        .noneMatch(what -> what.contains("Health") || what.contains("Voluntary") || what.startsWith("Consent")
            || what.startsWith("Meeting not scheduled"));
    assertThat(police.toString()).as("what the police may not see").doesNotContain(familyName,
        "Shouting heard through the wall", "GP follow-up appointment", "Known to MARAC", "Health holds records");
    assertThat(entry(police, "Triage overridden").path("detail").asText()).startsWith("Risk Amber")
        .doesNotContain("Reason");

    JsonNode voluntary = get("voluntary", "/api/cases/" + caseId + "/chronology");
    assertThat(texts(voluntary, "what")).anyMatch(what -> what.startsWith("Action for Voluntary sector"))
        .noneMatch(what -> what.startsWith("Triage") || what.startsWith("Information asked")
            || what.startsWith("Reply from") || what.startsWith("Action for Police"));
    assertThat(voluntary.toString()).doesNotContain("Red", "Amber", "Green");
    JsonNode voluntarySummary = get("voluntary", "/api/cases/" + caseId);
    assertThat(voluntarySummary.has("riskRating")).as(voluntarySummary.toString()).isFalse();
    assertThat(voluntarySummary.has("person")).isFalse();

    JsonNode summary = get("coordinator", "/api/cases/" + caseId);
    assertThat(summary.path("reference").asText()).isEqualTo(reference);
    assertThat(summary.path("status").asText()).isEqualTo("Open");
    assertThat(summary.path("riskRating").asText()).isEqualTo("Amber");
    assertThat(summary.path("person").path("name").asText()).isEqualTo("Jamie " + familyName);
    assertThat(summary.path("person").path("dateOfBirth").asText()).isEqualTo("14/03/1990");
    assertThat(summary.path("person").path("nhsNumber").asText()).isEqualTo(nhsNumber.substring(0, 3) + " "
        + nhsNumber.substring(3, 6) + " " + nhsNumber.substring(6));
    JsonNode policeSummary = get("police", "/api/cases/" + caseId);
    assertThat(policeSummary.path("riskRating").asText()).isEqualTo("Amber");
    assertThat(policeSummary.has("person")).isFalse();

    ResponseEntity<String> socialCare = users.get("social-care").getForEntity("/api/cases/" + caseId
        + "/chronology", String.class);
    assertThat(socialCare.getStatusCode()).as("social care has no work on the case").isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(json.readTree(socialCare.getBody()).path("detail").asText()).contains("Social care may see");
    ResponseEntity<String> processOwner = users.get("process-owner").getForEntity("/api/cases/" + caseId,
        String.class);
    assertThat(processOwner.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(json.readTree(processOwner.getBody()).path("detail").asText())
        .isEqualTo(CaseAudience.WHO_MAY_READ);

    ResponseEntity<String> restricted = guardianDecision(caseId, "restriction", "The person objected to processing");
    assertThat(restricted.getStatusCode().is2xxSuccessful()).as(restricted.getBody()).isTrue();
    assertThat(get("police", "/api/cases/" + caseId).path("restriction").asText())
        .startsWith("Restricted by a Caldicott guardian on ");
    assertThat(texts(get("manager", "/api/cases/" + caseId + "/chronology"), "what")).last()
        .isEqualTo("Processing restricted by a Caldicott guardian: nothing more is shared with partners");
  }

  @Test
  void theHubSearchesByReferenceNameAndNhsNumberAndNobodyElseMay() throws Exception {
    String nhsNumber = ConcernApiIT.nhsNumber();
    JsonNode raised = raiseConcern(nhsNumber);
    String reference = raised.path("caseReference").asText();

    for (String query : List.of(reference.toLowerCase(), familyName.substring(2).toUpperCase(),
        "jamie " + familyName.toLowerCase(), nhsNumber.substring(0, 3) + " " + nhsNumber.substring(3, 6) + " "
            + nhsNumber.substring(6), nhsNumber)) {
      JsonNode found = get("manager", "/api/cases?query={query}", query);
      assertThat(found.path("cases").findValuesAsText("reference")).as(query).containsExactly(reference);
      assertThat(found.path("message").asText()).startsWith("1 case has this ");
    }
    assertThat(get("coordinator", "/api/cases?query={query}", "Nobody" + familyName).path("message").asText())
        .isEqualTo("No case has this name.");

    ResponseEntity<String> police = users.get("police").getForEntity("/api/cases?query={query}", String.class,
        reference);
    assertThat(police.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(json.readTree(police.getBody()).path("detail").asText())
        .startsWith("Only coordinators and managers may search cases");
    ResponseEntity<String> empty = users.get("coordinator").getForEntity("/api/cases?query=", String.class);
    assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(empty.getBody()).contains("query", "Give a case reference");
  }

  @Test
  void anErasedCaseShowsTheHubItsTombstoneOnly() throws Exception {
    JsonNode raised = raiseConcern(ConcernApiIT.nhsNumber());
    String caseId = raised.path("caseId").asText();
    ResponseEntity<String> erased = guardianDecision(caseId, "erasure", "Raised about the wrong person");
    assertThat(erased.getStatusCode().is2xxSuccessful()).as(erased.getBody()).isTrue();

    JsonNode summary = get("coordinator", "/api/cases/" + caseId);
    assertThat(summary.path("status").asText()).isEqualTo("Erased");
    assertThat(summary.path("erasure").asText()).startsWith("Erased by a Caldicott guardian's decision on ");
    assertThat(summary.has("person")).isFalse();
    JsonNode chronology = get("coordinator", "/api/cases/" + caseId + "/chronology");
    assertThat(texts(chronology, "what")).containsExactly("Case erased by a Caldicott guardian's decision");
    assertThat(chronology.toString()).doesNotContain(familyName);
    assertThat(texts(get("coordinator", "/api/cases?query={query}", raised.path("caseReference").asText()), "status"))
        .isEmpty();
    assertThat(get("coordinator", "/api/cases?query={query}", raised.path("caseReference").asText()).path("cases")
        .findValuesAsText("status")).containsExactly("Erased");
    assertThat(users.get("police").getForEntity("/api/cases/" + caseId, String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  /**
   * A manager's restriction or erasure; sent again (as its 409 asks) when the engine's jobs changed the case at the
   * same moment.
   */
  private ResponseEntity<String> guardianDecision(String caseId, String what, String grounds) {
    ResponseEntity<String> answer = null;
    for (int attempt = 0; attempt < 3 && (answer == null || answer.getStatusCode() == HttpStatus.CONFLICT); attempt++) {
      answer = users.get("manager").postForEntity("/api/cases/" + caseId + "/" + what, Map.of("grounds", grounds),
          String.class);
    }
    return answer;
  }

  // --- the case, through Tasklist's forms and the partners' systems

  private void runToTheActionPlan(String caseId) throws Exception {
    submitForm("coordinator", caseId, "Task_ConfirmTriage", Map.of("riskRating", "AMBER", "urgency", "STANDARD",
        "meetingTimescale", "P10D", "overrideReason", "Known to MARAC from an earlier referral"));
    submitForm("coordinator", caseId, "Task_RecordConsent", Map.of("consentStatus", "GIVEN",
        "consentGivenBy", "the person, at the GP surgery", "consentScope", "IDENTITY_AND_CONCERN"));
    runJobs(caseId);
    for (Agency agency : List.of(Agency.POLICE, Agency.HEALTH)) {
      ResponseEntity<String> reply = rest.postForEntity("/api/cases/" + caseId + "/partner-responses",
          PartnerKeysForTests.withKey(partnerKeys.get(agency), Map.of("agency", agency.groupId(),
              "summary", agency.displayName().split(" ")[0] + " holds records " + suffix, "holdsInformation", true,
              "respondedBy", "duty desk", "partnerReference", agency.groupId() + "-" + suffix)), String.class);
      assertThat(reply.getStatusCode()).as(reply.getBody()).isEqualTo(HttpStatus.CREATED);
    }
    runJobs(caseId);
    submitForm("coordinator", caseId, "Task_ReviewGatheredInformation", Map.of("informationSummary",
        "Police and health both know the person."));
    management.createJobQuery().activityId("BoundaryEvent_NotScheduledInTime").list().stream()
        .filter(job -> caseId.equals(runtime.getVariable(job.getProcessInstanceId(), "caseId")))
        .forEach(job -> management.executeJob(job.getId()));
    submitForm("coordinator", caseId, "Task_ScheduleMeeting", Map.of(
        "meetingDate", LocalDateTime.now().plusDays(1).withNano(0).toString(), "meetingPlace", "Hub room 1"));
    runJobs(caseId);
    String meetingId = (String) CaseVariables.of(runtime, caseId, "meetingId").get("meetingId");
    assertThat(users.get("coordinator").postForEntity("/api/meetings/" + meetingId + "/held", null, String.class)
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    submitForm("coordinator", caseId, "Task_RecordAttendance", Map.of("attendedPolice", true,
        "attendedHealth", true, "attendedSocialCare", false, "attendedVoluntary", false));
    String due = LocalDate.now().plusDays(14).toString();
    Map<String, Object> plan = new LinkedHashMap<>(Map.of(
        "decisions", "Police to offer a DASH assessment; GP to follow up.", "noActionsNeeded", false));
    plan.putAll(action(1, "Offer a DASH risk assessment", "police", due, "HIGH"));
    plan.putAll(action(2, "GP follow-up appointment", "health", due, "MEDIUM"));
    plan.putAll(action(3, "Offer a place at the women's group", "voluntary", due, "LOW"));
    submitForm("coordinator", caseId, "Task_RecordDecisionsAndActions", plan);
    runJobs(caseId);
  }

  private static Map<String, Object> action(int number, String description, String agency, String due,
      String priority) {
    return Map.of("action" + number + "Description", description, "action" + number + "Agency", agency,
        "action" + number + "DueDate", due, "action" + number + "Priority", priority);
  }

  private JsonNode raiseConcern(String nhsNumber) throws Exception {
    Map<String, Object> concern = Map.of(
        "referrer", Map.of("name", "PC Chronology", "agency", "police", "contact", "01632 960000"),
        "person", Map.of("givenName", "Jamie", "familyName", familyName, "dateOfBirth", "1990-03-14",
            "nhsNumber", nhsNumber, "address", "3 Test Road, Testtown", "child", false),
        "concernCategories", List.of("DOMESTIC_ABUSE", "MENTAL_HEALTH"),
        "description", "Shouting heard through the wall " + suffix, "immediateRisk", false,
        "consentObtained", true);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.set("Idempotency-Key", UUID.randomUUID().toString());
    ResponseEntity<String> raised = users.get("coordinator").postForEntity("/api/concerns",
        new HttpEntity<>(concern, headers), String.class);
    assertThat(raised.getStatusCode()).as(raised.getBody()).isEqualTo(HttpStatus.CREATED);
    return json.readTree(raised.getBody());
  }

  private JsonNode get(String user, String path, Object... parameters) throws Exception {
    ResponseEntity<String> answer = users.get(user).getForEntity(path, String.class, parameters);
    assertThat(answer.getStatusCode()).as(path + " as " + user + ": " + answer.getBody()).isEqualTo(HttpStatus.OK);
    return json.readTree(answer.getBody());
  }

  private static List<String> texts(JsonNode answer, String field) {
    List<String> values = new ArrayList<>();
    answer.path("entries").forEach(entry -> values.add(entry.path(field).asText()));
    return values;
  }

  private static JsonNode entry(JsonNode chronology, String what) {
    for (JsonNode entry : chronology.path("entries")) {
      if (entry.path("what").asText().equals(what)) {
        return entry;
      }
    }
    throw new AssertionError("no entry '" + what + "' in " + chronology);
  }

  /** Finds the task in the user's "My agency's tasks" filter and submits the form's answers, as Tasklist does. */
  private void submitForm(String userKey, String caseId, String taskKey, Map<String, Object> answers)
      throws Exception {
    TestRestTemplate user = users.get(userKey);
    String taskId = AgencyTasks.onlyTask(user, userKey, caseId, taskKey);
    Map<String, Object> variables = new LinkedHashMap<>();
    answers.forEach((key, value) -> variables.put(key, Map.of("value", value,
        "type", value instanceof Boolean ? "Boolean" : "String")));
    ResponseEntity<String> submitted = user.postForEntity("/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", variables), String.class);
    assertThat(submitted.getStatusCode()).as(taskKey + ": " + submitted.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
  }


  private void runJobs(String caseId) {
    CaseJobs.runAll(runtime, management, caseId);
  }

  private void user(String key, String... groups) {
    String userId = "cv-" + key + "." + suffix;
    String password = UUID.randomUUID().toString();
    TestUsers.create(identity, userId, password, groups);
    users.put(key, rest.withBasicAuth(userId, password));
  }
}

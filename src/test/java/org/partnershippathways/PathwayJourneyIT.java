package org.partnershippathways;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricFormField;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnershippathways.consent.SharingBasis;
import org.partnershippathways.consent.SharingPermission;
import org.partnershippathways.consent.SharingPermissions;
import org.partnershippathways.consent.SharingPurpose;
import org.partnershippathways.sandbox.ReceivedRequests;
import org.partnershippathways.security.Agency;
import org.partnershippathways.security.PartnerApiKeys;
import org.partnershippathways.testsupport.AgencyTasks;
import org.partnershippathways.testsupport.CaseVariables;
import org.partnershippathways.testsupport.PartnerKeysForTests;
import org.partnershippathways.testsupport.CaseJobs;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A case from concern to closure as people and partner systems do it: the concern raised over our API, every
 * task found in the user's Tasklist filter and submitted with the fields of its Camunda Form through the engine's
 * REST API (as Tasklist does), partner calls answered by the partner sandbox, partner replies posted by the
 * partners' systems, the meeting marked held, actions completed by the owning agencies.
 */
@PathwaysIntegrationTest
class PathwayJourneyIT {

  static final ConfigurableApplicationContext SANDBOX = SandboxForTests.start();

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
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired JdbcTemplate jdbc;
  @Autowired SharingPermissions permissions;

  private final ObjectMapper json = new ObjectMapper();
  private final String suffix = UUID.randomUUID().toString().substring(0, 8);
  /** Names allow letters only: the suffix spelt in letters, so that each run's people are new people. */
  private final String nameSuffix = TestNames.inLetters(suffix);
  private final Map<String, TestRestTemplate> users = new HashMap<>();
  @Autowired PartnerApiKeys apiKeys;
  /** Partner systems sign in with their keys. */
  private Map<Agency, String> partnerKeys;

  @BeforeEach
  void usersOfEveryGroup() {
    user("coordinator", "coordinators");
    user("manager", "managers");
    user("police", "police");
    user("health", "health");
    user("social-care", "social-care");
    user("voluntary", "voluntary");
    partnerKeys = PartnerKeysForTests.newKeys(apiKeys);
  }

  @Test
  void aCaseGoesFromConcernToClosureThroughTasklistFormsAndPartnerSystems() throws Exception {
    String caseId = raiseConcern(person("Robin", "Journey", "1988-03-14"), List.of("DOMESTIC_ABUSE",
        "MENTAL_HEALTH"), true);

    Map<String, Object> triage = CaseVariables.of(runtime, caseId, "proposedRiskRating", "proposedUrgency",
        "proposedMeetingTimescale");
    submitForm("coordinator", caseId, "Task_ConfirmTriage", Map.of(
        "riskRating", triage.get("proposedRiskRating"), "urgency", triage.get("proposedUrgency"),
        "meetingTimescale", triage.get("proposedMeetingTimescale")));
    submitForm("coordinator", caseId, "Task_RecordConsent", Map.of("consentStatus", "GIVEN",
        "consentGivenBy", "Robin, in person at the GP surgery", "consentScope", "IDENTITY_AND_CONCERN"));

    runJobs(caseId);
    List<String> asked = agenciesAsked(caseId);
    assertThat(asked).as("agencies asked for information").isNotEmpty();
    for (String agency : asked) {
      ResponseEntity<String> reply = rest.postForEntity("/api/cases/" + caseId + "/partner-responses",
          PartnerKeysForTests.withKey(partnerKeys.get(Agency.ofGroupId(agency).orElseThrow()), Map.of("agency", agency,
              "summary", agency + " holds records relevant to the concern", "holdsInformation", true,
              "respondedBy", agency + " duty desk", "partnerReference", agency + "-" + suffix)), String.class);
      assertThat(reply.getStatusCode()).as(reply.getBody()).isEqualTo(HttpStatus.CREATED);
    }
    runJobs(caseId);

    submitForm("coordinator", caseId, "Task_ReviewGatheredInformation", Map.of("informationSummary",
        "Police and health both know Robin; shared picture agreed."));
    submitForm("coordinator", caseId, "Task_ScheduleMeeting", Map.of(
        "meetingDate", LocalDateTime.now().plusDays(1).withNano(0).toString(), "meetingPlace", "Hub room 1"));
    runJobs(caseId);
    String meetingId = (String) CaseVariables.of(runtime, caseId, "meetingId").get("meetingId");
    assertThat(users.get("coordinator").postForEntity("/api/meetings/" + meetingId + "/held", null, String.class)
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    submitForm("coordinator", caseId, "Task_RecordAttendance", Map.of("attendedPolice", true,
        "attendedHealth", true, "attendedSocialCare", false, "attendedVoluntary", false));
    String due = LocalDate.now().plusDays(14).toString();
    submitForm("coordinator", caseId, "Task_RecordDecisionsAndActions", Map.of(
        "decisions", "Police to offer a DASH assessment; GP to follow up.", "noActionsNeeded", false,
        "action1Description", "Offer a DASH risk assessment", "action1Agency", "police",
        "action1DueDate", due, "action1Priority", "HIGH",
        "action2Description", "GP follow-up appointment", "action2Agency", "health",
        "action2DueDate", due, "action2Priority", "MEDIUM"));
    runJobs(caseId);

    submitForm("police", caseId, "Task_CompleteAction", Map.of("actionOutcome", "DONE",
        "outcomeReason", "Assessment done; medium risk."));
    submitForm("health", caseId, "Task_CompleteAction", Map.of("actionOutcome", "DONE",
        "outcomeReason", "Seen by the GP."));
    runJobs(caseId);
    submitForm("coordinator", caseId, "Task_ReviewCase", Map.of("reviewOutcome", "OUTCOMES_MET",
        "reviewNotes", "Safety plan in place."));
    runJobs(caseId);

    assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("early-intervention-pathway")
        .variableValueEquals("caseId", caseId).finished().count()).as("the pathway ended").isEqualTo(1);
    assertThat(jdbc.queryForObject("select status from pathway_case where id = ?", String.class, caseId))
        .isEqualTo("CLOSED");
    assertThat(receivedBySandbox(caseId)).extracting(ReceivedRequests.Received::requestType)
        .contains("INFORMATION_REQUEST", "MEETING_INVITATION", "CLOSURE_NOTIFICATION");
    JsonNode disclosures = json.readTree(users.get("manager").getForObject("/api/cases/" + caseId
        + "/disclosures", String.class));
    assertThat(disclosures.size()).as("every request to a partner is in the disclosure audit")
        .isEqualTo(receivedBySandbox(caseId).size());
    assertThat(users.get("police").getForEntity("/api/cases/" + caseId + "/disclosures", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void whenConsentIsRefusedAndThereIsNoLawfulBasisNoPartnerReceivesAnything() throws Exception {
    String caseId = raiseConcern(person("Morgan", "Refused", "1979-10-02"), List.of("SUBSTANCE_MISUSE"), false);
    Map<String, Object> triage = CaseVariables.of(runtime, caseId, "proposedRiskRating", "proposedUrgency",
        "proposedMeetingTimescale");
    submitForm("coordinator", caseId, "Task_ConfirmTriage", Map.of(
        "riskRating", triage.get("proposedRiskRating"), "urgency", triage.get("proposedUrgency"),
        "meetingTimescale", triage.get("proposedMeetingTimescale")));
    submitForm("coordinator", caseId, "Task_RecordConsent", Map.of("consentStatus", "REFUSED",
        "consentNotGivenReason", "Morgan does not want other agencies told."));
    submitForm("manager", caseId, "Task_DecideSharingWithoutConsent", Map.of("shareWithoutConsent", false,
        "decisionRationale", "No risk to others; the refusal is respected."));
    submitForm("coordinator", caseId, "Task_SingleAgencySupport", Map.of("singleAgencySupport",
        "Signposted to the drug and alcohol service."));
    runJobs(caseId);

    assertThat(jdbc.queryForObject("select closure_outcome from pathway_case where id = ?", String.class,
        caseId)).isEqualTo("CONSENT_REFUSED");
    assertThat(receivedBySandbox(caseId)).as("requests any partner received about the case").isEmpty();
    assertThat(jdbc.queryForObject("select count(*) from disclosure_audit where case_id = ?", Long.class, caseId))
        .isZero();
  }

  @Test
  void aWithdrawalOfConsentStopsSharingAndEveryAgencyThatReceivedDataAcknowledgesIt() throws Exception {
    String caseId = raiseConcern(person("Sasha", "Withdrawn", "1984-07-21"), List.of("DOMESTIC_ABUSE",
        "MENTAL_HEALTH"), true);
    Map<String, Object> triage = CaseVariables.of(runtime, caseId, "proposedRiskRating", "proposedUrgency",
        "proposedMeetingTimescale");
    submitForm("coordinator", caseId, "Task_ConfirmTriage", Map.of(
        "riskRating", triage.get("proposedRiskRating"), "urgency", triage.get("proposedUrgency"),
        "meetingTimescale", triage.get("proposedMeetingTimescale")));
    submitForm("coordinator", caseId, "Task_RecordConsent", Map.of("consentStatus", "GIVEN",
        "consentGivenBy", "Sasha, by phone", "consentScope", "IDENTITY_AND_CONCERN"));
    runJobs(caseId);
    assertThat(agenciesAsked(caseId)).containsExactlyInAnyOrder("police", "health");

    assertThat(users.get("police").postForEntity("/api/cases/" + caseId + "/consent-withdrawal",
        Map.of("withdrawnBy", "Sasha"), String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> withdrawn = users.get("coordinator").postForEntity("/api/cases/" + caseId
        + "/consent-withdrawal", Map.of("withdrawnBy", "Sasha, by phone to the hub",
            "notes", "Sasha moved in with an aunt"), String.class);
    assertThat(withdrawn.getStatusCode()).as(withdrawn.getBody()).isEqualTo(HttpStatus.CREATED);
    assertWithdrawalKeptOutOfTheEngine(caseId);
    JsonNode receipt = json.readTree(withdrawn.getBody());
    assertThat(json.convertValue(receipt.path("agenciesToTell"), List.class)).containsExactlyInAnyOrder("health",
        "police");
    assertThat(receipt.path("requestsEnded").asInt()).isEqualTo(2);
    assertThat(users.get("coordinator").postForEntity("/api/cases/" + caseId + "/consent-withdrawal",
        Map.of("withdrawnBy", "Sasha"), String.class).getStatusCode()).as("withdrawn already")
        .isEqualTo(HttpStatus.CONFLICT);
    ResponseEntity<String> late = rest.postForEntity("/api/cases/" + caseId + "/partner-responses",
        PartnerKeysForTests.withKey(partnerKeys.get(Agency.POLICE), Map.of("agency", "police",
            "summary", "Known to police", "holdsInformation", true, "respondedBy", "duty desk",
            "partnerReference", "late-" + suffix)), String.class);
    assertThat(late.getStatusCode()).as("a reply after the withdrawal is not received").isEqualTo(HttpStatus.CONFLICT);

    runJobs(caseId);

    JsonNode withdrawals = json.readTree(users.get("manager").getForObject("/api/cases/" + caseId
        + "/consent-withdrawals", String.class));
    JsonNode notices = withdrawals.get(0).path("notices");
    assertThat(notices.size()).isEqualTo(2);
    Map<String, String> acknowledged = new HashMap<>();
    for (JsonNode notice : notices) {
      assertThat(notice.path("status").asText()).as(notice.toString()).isEqualTo("ACKNOWLEDGED");
      acknowledged.put(notice.path("agency").asText(), notice.path("partnerReference").asText());
    }
    // each acknowledgement is the reference under which that partner's system keeps the notice (the sandbox page);
    // the health system's is the FHIR reference of the Consent it made
    Map<String, String> keptBySandbox = receivedBySandbox(caseId).stream()
        .filter(r -> r.requestType().equals("CONSENT_WITHDRAWAL"))
        .collect(Collectors.toMap(ReceivedRequests.Received::agency, ReceivedRequests.Received::partnerReference));
    assertThat(keptBySandbox).containsOnlyKeys("police", "health");
    assertThat(acknowledged).containsOnly(Map.entry("police", keptBySandbox.get("police")),
        Map.entry("health", "Consent/" + keptBySandbox.get("health")));
    assertThat(jdbc.queryForObject("select count(*) from information_request where case_id = ? and status = 'ENDED'",
        Long.class, caseId)).isEqualTo(2);
    assertThat(permissions.forCase(caseId)).as("nothing may be shared until the guardian decides").isEmpty();
    // the Caldicott guardian finds a lawful basis for safeguarding with the police only: a fresh decision
    submitForm("manager", caseId, "Task_DecideSharingWithoutConsentAfterWithdrawal", Map.of(
        "shareWithoutConsent", "true", "lawfulBasis", "UK GDPR Art 6(1)(e); DPA 2018 Sch 1 para 18",
        "decidedScope", "IDENTITY_AND_CONCERN", "sharingAgencies", "police", "sharingPurposes", "SAFEGUARDING",
        "decisionRationale", "Controlling partner known to police; risk of serious harm"));
    SharingPermission police = permissions.forDisclosure(caseId, Agency.POLICE, SharingPurpose.SAFEGUARDING)
        .orElseThrow();
    assertThat(police.basis()).isEqualTo(SharingBasis.LAWFUL_BASIS);
    assertThat(police.legalGround()).isEqualTo("UK GDPR Art 6(1)(e); DPA 2018 Sch 1 para 18");
    assertThat(police.decidedBy()).isEqualTo("manager." + suffix);
    assertThat(permissions.forDisclosure(caseId, Agency.HEALTH, SharingPurpose.SAFEGUARDING))
        .as("the guardian's decision covers the police only").isEmpty();
    assertThat(permissions.forDisclosure(caseId, Agency.POLICE, SharingPurpose.INFORMATION_GATHERING))
        .as("and safeguarding only").isEmpty();
    assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("consent-withdrawal")
        .variableValueEquals("caseId", caseId).finished().count()).isEqualTo(1);
    // the case itself waits for the coordinator's review; it leaves no open stage to the other tests' timings
    runtime.createProcessInstanceQuery().variableValueEquals("caseId", caseId).list()
        .forEach(instance -> runtime.deleteProcessInstanceIfExists(instance.getId(), "test over", false, true, false,
            false));
  }

  private String raiseConcern(Map<String, Object> person, List<String> categories, boolean consentObtained)
      throws Exception {
    Map<String, Object> concern = Map.of(
        "referrer", Map.of("name", "PC Test", "agency", "police", "contact", "01632 960000"),
        "person", person, "concernCategories", categories,
        "description", "Concern raised by the journey test", "immediateRisk", false,
        "consentObtained", consentObtained);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.set("Idempotency-Key", UUID.randomUUID().toString());
    // raised by the coordinator: only coordinators' receipts name the case (issue 11)
    ResponseEntity<String> raised = users.get("coordinator").postForEntity("/api/concerns",
        new HttpEntity<>(concern, headers), String.class);
    assertThat(raised.getStatusCode()).as(raised.getBody()).isEqualTo(HttpStatus.CREATED);
    return json.readTree(raised.getBody()).path("caseId").asText();
  }

  private Map<String, Object> person(String givenName, String familyName, String dateOfBirth) {
    return Map.of("givenName", givenName, "familyName", familyName + nameSuffix,
        "dateOfBirth", dateOfBirth, "address", "2 Test Road, Testtown", "child", false);
  }

  /**
   * Finds the task in the user's "My agency's tasks" filter, reads its deployed Camunda Form and submits the
   * answers for the form's fields, as Tasklist does; every required field of the form must have an answer.
   */
  private void submitForm(String userKey, String caseId, String taskKey, Map<String, Object> answers)
      throws Exception {
    TestRestTemplate user = users.get(userKey);
    String taskId = AgencyTasks.onlyTask(user, userKey, caseId, taskKey);

    JsonNode form = json.readTree(user.getForObject("/engine-rest/task/" + taskId + "/deployed-form",
        String.class));
    Map<String, Object> variables = new LinkedHashMap<>();
    for (JsonNode field : formFields(form)) {
      String key = field.path("key").asText();
      boolean readOnly = field.path("readonly").asBoolean(false) || field.path("disabled").asBoolean(false);
      if (answers.containsKey(key)) {
        Object value = answers.get(key);
        String type = value instanceof Boolean ? "Boolean" : value instanceof Number ? "Integer" : "String";
        variables.put(key, Map.of("value", value, "type", type));
      } else if (!readOnly && field.path("validate").path("required").asBoolean(false)
          && !conditionallyHidden(field)) {
        throw new AssertionError(taskKey + ": the form requires '" + key + "' and the test gave no answer");
      }
    }
    assertThat(variables.keySet()).as("answers that are fields of the form " + taskKey)
        .containsAll(answers.keySet());
    ResponseEntity<String> submitted = user.postForEntity("/engine-rest/task/" + taskId + "/submit-form",
        Map.of("variables", variables), String.class);
    assertThat(submitted.getStatusCode()).as(taskKey + ": " + submitted.getBody())
        .isEqualTo(HttpStatus.NO_CONTENT);
  }

  private static boolean conditionallyHidden(JsonNode field) {
    return field.has("conditional");
  }

  private static List<JsonNode> formFields(JsonNode form) {
    List<JsonNode> fields = new ArrayList<>();
    collectFields(form.path("components"), fields);
    return fields;
  }

  private static void collectFields(JsonNode components, List<JsonNode> fields) {
    for (JsonNode component : components) {
      if (component.hasNonNull("key")) {
        fields.add(component);
      }
      collectFields(component.path("components"), fields);
    }
  }

  private void runJobs(String caseId) {
    CaseJobs.runAll(runtime, management, caseId);
  }

  private List<String> agenciesAsked(String caseId) {
    return receivedBySandbox(caseId).stream().filter(r -> r.requestType().equals("INFORMATION_REQUEST"))
        .map(ReceivedRequests.Received::agency).distinct().toList();
  }

  private List<ReceivedRequests.Received> receivedBySandbox(String caseId) {
    return SANDBOX.getBean(ReceivedRequests.class).all().stream().filter(r -> caseId.equals(r.caseId())).toList();
  }

  private void user(String key, String... groups) {
    String userId = key + "." + suffix;
    String password = UUID.randomUUID().toString();
    TestUsers.create(identity, userId, password, groups);
    users.put(key, rest.withBasicAuth(userId, password));
  }

  /** Who withdrew consent, and the notes, are in consent_withdrawal only: not in variables, not in history. */
  private void assertWithdrawalKeptOutOfTheEngine(String caseId) {
    assertThat(jdbc.queryForObject("select count(*) from consent_withdrawal where case_id = ? and withdrawn_by = ?"
        + " and notes = ?", Integer.class, caseId, "Sasha, by phone to the hub", "Sasha moved in with an aunt"))
        .isEqualTo(1);
    List<String> instances = history.createHistoricProcessInstanceQuery().processDefinitionKey("consent-withdrawal")
        .variableValueEquals("caseId", caseId).list().stream().map(HistoricProcessInstance::getId).toList();
    assertThat(instances).hasSize(1);
    List<String> personal = List.of("Sasha, by phone", "moved in with an aunt");
    history.createHistoricVariableInstanceQuery().processInstanceId(instances.get(0)).list().forEach(variable ->
        assertThat(String.valueOf(variable.getValue())).as(variable.getName()).doesNotContain(personal));
    history.createHistoricDetailQuery().processInstanceId(instances.get(0)).list().forEach(detail ->
        assertThat(String.valueOf(detail instanceof HistoricVariableUpdate update
            ? update.getValue() : detail instanceof HistoricFormField field
            ? field.getFieldValue() : null)).as(detail.toString()).doesNotContain(personal));
    runtime.createVariableInstanceQuery().processInstanceIdIn(instances.get(0)).list().forEach(variable ->
        assertThat(variable.getName()).isNotIn("withdrawnBy", "withdrawalNotes"));
  }
}

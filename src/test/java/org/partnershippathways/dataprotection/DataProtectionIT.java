package org.partnershippathways.dataprotection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnershippathways.calendar.WorkingDayCalendar;
import org.partnershippathways.cases.CaseStatus;
import org.partnershippathways.cases.Cases;
import org.partnershippathways.demo.CaseDriver;
import org.partnershippathways.partners.LedgerRetention;
import org.partnershippathways.sandbox.ReceivedRequests;
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
 * A person's case run to sharing with the partner sandbox, then the person's rights: subject access (everything held,
 * the statement of disclosures, the printable page, the audit of the export), restriction (nothing more leaves, pending
 * requests end with the reason) and erasure (afterwards no table of the schema, ours or the engine's, holds the
 * person's name, date of birth or NHS number).
 */
@PathwaysIntegrationTest
class DataProtectionIT {

  static final ConfigurableApplicationContext SANDBOX = SandboxForTests.start();
  static final String PASSWORD = UUID.randomUUID().toString();

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
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired WorkingDayCalendar calendar;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient namedJdbc;
  @Autowired Cases cases;
  @Autowired RetentionPurge purge;
  @Autowired LedgerRetention ledger;

  final ObjectMapper json = new ObjectMapper();
  final String run = UUID.randomUUID().toString().substring(0, 8);
  final String coordinator = "coordinator." + run;
  final String manager = "manager." + run;
  final String police = "police." + run;

  /** A person no other test has: a family name of letters, a date of birth and a valid NHS number of this run. */
  record Person(String givenName, String familyName, LocalDate dateOfBirth, String nhsNumber) {
  }

  @BeforeEach
  void users() {
    TestUsers.create(identity, coordinator, PASSWORD, "coordinators");
    TestUsers.create(identity, manager, PASSWORD, "managers");
    TestUsers.create(identity, police, PASSWORD, "police");
  }

  @Test
  void subjectAccessGivesEverythingHeldAndEveryDisclosure() throws Exception {
    Person person = newPerson();
    CaseDriver.DrivenCase driven = runToSharing(person);
    tasks.createComment(null, instanceOf(driven), "Spoke to " + person.givenName() + " today");
    long disclosures = jdbc.queryForObject("select count(*) from disclosure_audit where case_id = ?", Long.class,
        driven.caseId());
    assertThat(disclosures).as("disclosures made while sharing").isPositive();

    ResponseEntity<String> answer = post(coordinator, "/api/subject-access-exports", Map.of(
        "requestReference", "SAR-" + run, "nhsNumber", person.nhsNumber()));
    assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.CREATED);
    JsonNode export = json.readTree(answer.getBody());
    assertThat(export.path("caseReferences").toString()).contains(driven.reference());
    JsonNode caseRow = export.path("records").get(0).path("rows").get(0);
    assertThat(caseRow.path("personFamilyName").asText()).isEqualTo(person.familyName());
    assertThat(export.path("records").toString()).contains("Consent and lawful-basis decisions")
        .contains("The person, verbally to the referrer");
    assertThat(export.path("comments").toString()).contains("Spoke to " + person.givenName());
    assertThat(export.path("disclosures")).hasSize((int) disclosures).allSatisfy(disclosure -> {
      assertThat(disclosure.path("recipient").asText()).isNotBlank();
      assertThat(disclosure.path("basis").asText()).isEqualTo("the person's consent");
      assertThat(disclosure.path("when").asText()).isNotBlank();
      assertThat(disclosure.path("acknowledgedDigest").asText()).isEqualTo(disclosure.path("payloadDigest").asText());
    });
    String exportId = export.path("exportId").asText();

    ResponseEntity<String> byName = post(manager, "/api/subject-access-exports", Map.of(
        "requestReference", "SAR-" + run + "-b", "familyName", person.familyName().toUpperCase(),
        "dateOfBirth", person.dateOfBirth().toString()));
    assertThat(json.readTree(byName.getBody()).path("caseReferences").toString()).contains(driven.reference());

    ResponseEntity<String> page = rest.withBasicAuth(coordinator, PASSWORD)
        .getForEntity("/api/subject-access-exports/{id}/printable", String.class, exportId);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
    assertThat(page.getBody()).contains("Who received information about you").contains(person.familyName())
        .contains(driven.reference()).contains("SAR-" + run);

    assertThat(jdbc.queryForList("select action from subject_access_audit where export_id = ? order by acted_at",
        String.class, exportId)).containsExactly("EXPORTED", "PRINTED");
    assertThat(jdbc.queryForObject("select acted_by from subject_access_audit where id = ?", String.class, exportId))
        .isEqualTo(coordinator);
  }

  @Test
  void onlyCoordinatorsAndManagersExportAndBadRequestsNameTheField() throws Exception {
    assertThat(post(police, "/api/subject-access-exports", Map.of("requestReference", "SAR-" + run,
        "nhsNumber", "9434765919")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> bad = post(coordinator, "/api/subject-access-exports", Map.of(
        "requestReference", "SAR-" + run, "nhsNumber", "9434765918"));
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(bad.getBody()).contains("nhsNumber");
    ResponseEntity<String> nobody = post(coordinator, "/api/subject-access-exports", Map.of(
        "requestReference", "SAR-" + run));
    assertThat(nobody.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(nobody.getBody()).contains("familyName");
    assertThat(rest.withBasicAuth(coordinator, PASSWORD).getForEntity("/api/subject-access-exports/{id}",
        String.class, UUID.randomUUID().toString()).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void restrictionStopsDisclosureAtOnceAndPendingRequestsEndWithTheReason() throws Exception {
    CaseDriver.DrivenCase driven = raiseAndConsent(newPerson(), "The person, verbally to the referrer");
    // the partner requests wait as jobs: restricted before they run
    ResponseEntity<String> restricted = post(manager, "/api/cases/" + driven.caseId() + "/restriction",
        Map.of("grounds", "The person objects to sharing while their complaint is considered (Article 18(1)(d))."));
    assertThat(restricted.getStatusCode()).as(restricted.getBody()).isEqualTo(HttpStatus.CREATED);
    assertThat(json.readTree(restricted.getBody()).path("kind").asText()).isEqualTo("RESTRICTION");
    CaseJobs.runAll(runtime, management, driven.caseId());

    assertThat(jdbc.queryForObject("select count(*) from disclosure_audit where case_id = ?", Long.class,
        driven.caseId())).isZero();
    assertThat(SANDBOX.getBean(ReceivedRequests.class).all()).noneMatch(r -> driven.caseId().equals(r.caseId()));
    List<String> instances = runtime.createProcessInstanceQuery().variableValueEquals("caseId", driven.caseId())
        .list().stream().map(instance -> instance.getId()).toList();
    List<org.camunda.bpm.engine.task.Task> rejected = tasks.createTaskQuery().processInstanceIdIn(
        instances.toArray(String[]::new)).taskDefinitionKey("Task_ResolveRejectedRequest").list();
    assertThat(rejected).as("pending requests ended on the rejection path").isNotEmpty()
        .allSatisfy(task -> assertThat((String) tasks.getVariable(task.getId(), "partnerRejectionMessage"))
            .contains("restricted by a Caldicott guardian"));
    assertThat(runtime.getVariable(instanceOf(driven), "restriction")).asString().contains("Restricted");
    assertThat(jdbc.queryForObject("select restricted_at from pathway_case where id = ?", java.sql.Timestamp.class,
        driven.caseId())).isNotNull();
    assertThat(post(coordinator, "/api/cases/" + driven.caseId() + "/restriction", Map.of("grounds", "x"))
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void erasureLeavesNoTraceOfThePersonInAnyTableOursOrTheEngines() throws Exception {
    Person person = newPerson();
    CaseDriver.DrivenCase driven = raiseAndConsent(person, person.givenName() + " " + person.familyName()
        + ", in person, born " + person.dateOfBirth());
    CaseJobs.runAll(runtime, management, driven.caseId());
    tasks.createComment(null, instanceOf(driven), "Spoke to " + person.givenName() + " " + person.familyName()
        + ", NHS number " + person.nhsNumber());
    assertThat(jdbc.queryForObject("select count(*) from disclosure_audit where case_id = ?", Long.class,
        driven.caseId())).as("disclosures made while sharing").isPositive();
    PersonScan scan = new PersonScan(dataSource, person.givenName(), person.familyName(), person.nhsNumber(),
        person.dateOfBirth());
    assertThat(scan.findings()).as("the person is held before the erasure").isNotEmpty();

    ResponseEntity<String> erased = post(manager, "/api/cases/" + driven.caseId() + "/erasure",
        Map.of("grounds", "Consent was the only basis and it was withdrawn; no legal obligation to keep."));
    assertThat(erased.getStatusCode()).as(erased.getBody()).isEqualTo(HttpStatus.CREATED);
    JsonNode tombstone = json.readTree(erased.getBody());
    assertThat(tombstone.path("kind").asText()).isEqualTo("ERASURE");
    assertThat(tombstone.path("caseReference").asText()).isEqualTo(driven.reference());
    assertThat(tombstone.path("whatWasDone").asText()).contains("pathway case").contains("process instances");

    assertThat(scan.findings()).as("tables that still hold the person's name, date of birth or NHS number")
        .isEmpty();
    assertThat(jdbc.queryForObject("select count(*) from data_protection_decision where case_id = ? and kind ="
        + " 'ERASURE'", Long.class, driven.caseId())).isEqualTo(1);
    assertThat(verification()).as("the ledger still verifies").isTrue();
    assertThat(post(manager, "/api/cases/" + driven.caseId() + "/erasure", Map.of("grounds", "again"))
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void theRetentionPurgeRemovesClosedCasesPastTheirPeriodOnOneNodeAndTheLedgerStillVerifies() throws Exception {
    CaseDriver.DrivenCase adult = raiseAndConsent(newPerson(), "The person, verbally to the referrer");
    CaseDriver.DrivenCase child = raiseAndConsent(newPerson(), "The person's mother");
    jdbc.update("update pathway_case set person_child = true, person_date_of_birth = ? where id = ?",
        LocalDate.now().minusYears(10), child.caseId());
    Instant now = Instant.now();
    Instant eightYearsAgo = now.atZone(ZoneOffset.UTC).minusYears(8).toInstant();
    cases.close(adult.caseId(), CaseStatus.CLOSED, "OUTCOMES_MET", eightYearsAgo);
    cases.close(child.caseId(), CaseStatus.CLOSED, "OUTCOMES_MET", eightYearsAgo);

    RetentionLock anotherNode = new RetentionLock(namedJdbc);
    assertThat(anotherNode.take(now)).isTrue();
    assertThat(purge.runIfNoOtherNode(now)).as("another node runs the purge").isEmpty();
    anotherNode.release(now, "done");
    assertThat(purge.runIfNoOtherNode(now)).hasValueSatisfying(outcome -> assertThat(outcome.cases()).isPositive());

    assertThat(cases.exists(adult.caseId())).as("an adult's case 8 years after closure").isFalse();
    assertThat(jdbc.queryForObject("select count(*) from sharing_decision where case_id = ?", Long.class,
        adult.caseId())).isZero();
    assertThat(jdbc.queryForObject("select what_was_done from data_protection_decision where case_id = ? and kind"
        + " = 'RETENTION'", String.class, adult.caseId())).contains("pathway case row");
    assertThat(cases.exists(child.caseId())).as("a child's case kept until the 25th birthday").isTrue();

    CaseJobs.runAll(runtime, management, child.caseId());
    Instant cutoff = Instant.now();
    Thread.sleep(5);
    CaseDriver.DrivenCase later = raiseAndConsent(newPerson(), "The person, in writing");
    CaseJobs.runAll(runtime, management, later.caseId());
    long removed = ledger.removeBefore(cutoff, 1_000_000);
    assertThat(removed).as("ledger rows past their period").isPositive();
    assertThat(verification()).as("the ledger verifies from its new start").isTrue();
    assertThat(jdbc.queryForObject("select count(*) from disclosure_audit where case_id = ?", Long.class,
        later.caseId())).as("rows within their period stay").isPositive();
    assertThatThrownBy(() -> jdbc.update("delete from disclosure_audit"))
        .matches(org.partnershippathways.testsupport.SchemaOwner::isRefusal, "refused to the application's account");
  }

  /** A new table about cases must join PersonalDataTables, or subject access misses it and erasure leaves it. */
  @Test
  void everyTableOfOursWithACaseIsReadBySubjectAccessAndEmptiedByErasure() throws Exception {
    java.util.Set<String> listed = PersonalDataTables.SOURCES.stream().map(PersonalDataTables.Source::table)
        .collect(java.util.stream.Collectors.toSet());
    // the ledger names no one and stays; decisions are the tombstones; the access log holds case and user ids only
    java.util.Set<String> kept = java.util.Set.of("disclosure_audit", "data_protection_decision", "case_access_log");
    java.util.List<String> withACase = new java.util.ArrayList<>();
    try (java.sql.Connection connection = dataSource.getConnection();
        java.sql.ResultSet columns = connection.getMetaData().getColumns(null, connection.getSchema(), "%", "%")) {
      while (columns.next()) {
        if (columns.getString("COLUMN_NAME").equalsIgnoreCase("case_id")) {
          withACase.add(columns.getString("TABLE_NAME").toLowerCase());
        }
      }
    }
    assertThat(withACase).isNotEmpty().allSatisfy(table -> assertThat(listed.contains(table) || kept.contains(table))
        .as("%s has a case_id but is not in PersonalDataTables", table).isTrue());
  }

  private boolean verification() throws Exception {
    return json.readTree(rest.withBasicAuth(manager, PASSWORD).getForEntity("/api/disclosures/verification",
        String.class).getBody()).path("intact").asBoolean();
  }

  // ---- a case, run to sharing

  CaseDriver.DrivenCase runToSharing(Person person) throws Exception {
    CaseDriver.DrivenCase driven = raiseAndConsent(person, "The person, verbally to the referrer");
    CaseJobs.runAll(runtime, management, driven.caseId());
    return driven;
  }

  /** Raises the concern over our API, confirms the triage and records the consent: the partner requests wait. */
  CaseDriver.DrivenCase raiseAndConsent(Person person, String consentGivenBy) throws Exception {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.set("Idempotency-Key", UUID.randomUUID().toString());
    Map<String, Object> concern = Map.of(
        "referrer", Map.of("name", "PC Test", "agency", "police", "contact", "01632 960000"),
        "person", Map.of("givenName", person.givenName(), "familyName", person.familyName(),
            "dateOfBirth", person.dateOfBirth().toString(), "nhsNumber", person.nhsNumber(),
            "address", "2 Test Road, Testtown", "child", false),
        "concernCategories", List.of("DOMESTIC_ABUSE"), "description",
        "Neighbours worried about " + person.givenName() + " " + person.familyName(),
        "immediateRisk", false, "consentObtained", true);
    ResponseEntity<String> raised = rest.withBasicAuth(coordinator, PASSWORD).postForEntity("/api/concerns",
        new HttpEntity<>(concern, headers), String.class);
    assertThat(raised.getStatusCode()).as(raised.getBody()).isEqualTo(HttpStatus.CREATED);
    JsonNode receipt = json.readTree(raised.getBody());
    CaseDriver.DrivenCase driven = new CaseDriver.DrivenCase(receipt.path("caseId").asText(),
        receipt.path("caseReference").asText());
    CaseDriver driver = new CaseDriver(tasks, runtime, management, identity, calendar,
        group -> group.equals("managers") ? manager : coordinator, Duration.ofMillis(50), Duration.ofSeconds(30));
    driver.confirmTriageAsProposed(driven);
    driver.complete(driven, "Task_RecordConsent", Map.of("consentStatus", "GIVEN", "consentGivenBy", consentGivenBy,
        "consentScope", "FULL"));
    return driven;
  }

  String instanceOf(CaseDriver.DrivenCase driven) {
    return jdbc.queryForObject("select process_instance_id from pathway_case where id = ?", String.class,
        driven.caseId());
  }

  Person newPerson() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    String letters = TestNames.inLetters(run);
    // born in the 1930s: no other test's person, so that a date found is this person's
    return new Person("Sam" + letters, "Erasable" + letters,
        LocalDate.of(1930 + random.nextInt(10), 1 + random.nextInt(12), 1 + random.nextInt(28)), nhsNumber());
  }

  static String nhsNumber() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    while (true) {
      StringBuilder digits = new StringBuilder();
      int sum = 0;
      for (int i = 0; i < 9; i++) {
        int digit = random.nextInt(10);
        digits.append(digit);
        sum += digit * (10 - i);
      }
      int check = 11 - sum % 11;
      if (check == 11) {
        check = 0;
      }
      if (check != 10) {
        return digits.append(check).toString();
      }
    }
  }

  ResponseEntity<String> post(String user, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, PASSWORD).postForEntity(path, new HttpEntity<>(body, headers), String.class);
  }
}

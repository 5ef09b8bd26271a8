package org.partnershippathways.accesslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnershippathways.dataprotection.RetentionPurge;
import org.partnershippathways.testsupport.PathwaysIntegrationTest;
import org.partnershippathways.testsupport.SchemaOwner;
import org.partnershippathways.testsupport.TestPartnerships;
import org.partnershippathways.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Who viewed what: a Tasklist-style read of a task's form through the engine's REST API and a read through our API
 * each write one access record naming the reader and the case; refused reads write none; the application's own
 * database user can neither change nor remove a record (only the retention purge removes old ones); managers see who
 * looked at a case in words, and the unusual-access report names a user who read many cases in an hour and a read of
 * a case on which the reader had no task.
 */
@PathwaysIntegrationTest
class AccessLogIT {

  static final String PASSWORD = UUID.randomUUID().toString();

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identity;
  @Autowired TaskService tasks;
  @Autowired JdbcTemplate jdbc;
  @Autowired RetentionPurge purge;
  @Autowired Environment environment;
  @Autowired AccessLogTable table;

  final ObjectMapper json = new ObjectMapper();
  final String run = UUID.randomUUID().toString().substring(0, 8);
  final String coordinator = "coordinator." + run;
  final String manager = "manager." + run;
  final String police = "police." + run;

  record RaisedCase(String caseId, String reference, String taskId) {
  }

  @BeforeEach
  void users() {
    TestUsers.create(identity, coordinator, PASSWORD, "coordinators");
    TestUsers.create(identity, manager, PASSWORD, "managers");
    TestUsers.create(identity, police, PASSWORD, "police");
  }

  @Test
  void aTaskFormReadThroughTheEngineAndAnApiReadEachWriteOneRecordAndRefusedReadsWriteNone() throws Exception {
    RaisedCase raised = raise();

    assertThat(get(coordinator, "/engine-rest/task/" + raised.taskId() + "/form-variables").getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(reads(coordinator, raised.caseId())).containsExactly("TASK_FORM_VARIABLES ENGINE_REST");

    assertThat(get(coordinator, "/api/tasks/" + raised.taskId() + "/facts").getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(reads(coordinator, raised.caseId()))
        .containsExactlyInAnyOrder("TASK_FORM_VARIABLES ENGINE_REST", "TASK_FACTS API");

    assertThat(get(coordinator, "/api/cases/" + raised.caseId() + "/chronology").getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(reads(coordinator, raised.caseId())).contains("CASE_CHRONOLOGY API");

    // refused (403 and 404 as if absent): nothing was read, nothing is recorded
    assertThat(get(police, "/engine-rest/task/" + raised.taskId() + "/form-variables").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get(police, "/api/tasks/" + raised.taskId() + "/facts").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get(police, "/api/cases/" + raised.caseId() + "/consent-withdrawals").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(reads(police, raised.caseId())).isEmpty();

    ResponseEntity<String> log = get(manager, "/api/cases/" + raised.caseId() + "/access-log");
    assertThat(log.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode answer = json.readTree(log.getBody());
    assertThat(answer.path("caseReference").asText()).isEqualTo(raised.reference());
    assertThat(answer.path("reads")).hasSize(3).allSatisfy(read -> {
      assertThat(read.path("userId").asText()).isEqualTo(coordinator);
      assertThat(read.path("when").asText()).matches("\\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d");
      assertThat(read.path("sentence").asText()).startsWith(coordinator + " Test (" + coordinator + ") read ");
    });
    assertThat(log.getBody()).contains("the case's variables, in a task's form").contains("the engine's REST API")
        .contains("the person and the concerns, shown with a task").contains("our API");
    assertThat(get(coordinator, "/api/cases/" + raised.caseId() + "/access-log").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get(manager, "/api/cases/" + UUID.randomUUID() + "/access-log").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void theReadsOfAnErasedCaseStayWithItsPartnershipThroughItsErasureRecord() {
    String erased = UUID.randomUUID().toString();
    String neverAnyones = UUID.randomUUID().toString();
    Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    table.insert(List.of(new AccessLogTable.Read(erased, coordinator, "TASK_FACTS", "the task's facts", Door.API, at),
        new AccessLogTable.Read(neverAnyones, coordinator, "TASK_FACTS", "the task's facts", Door.API, at)));
    noLongerHeld(erased, "ERASURE", at);

    assertThat(casesRead(TestPartnerships.FIRST, at)).contains(erased).doesNotContain(neverAnyones);
    assertThat(casesRead(TestPartnerships.SECOND, at)).as("another partnership's erased case")
        .doesNotContain(erased, neverAnyones);
  }

  private List<String> casesRead(String partnership, Instant at) {
    return table.between(at.minusSeconds(1), at.plusSeconds(1), List.of(partnership)).stream()
        .map(AccessLogTable.Read::caseId).toList();
  }

  @Test
  void theApplicationsDatabaseUserCannotChangeOrRemoveARecordOnlyTheRetentionPurgeRemovesOldOnes() {
    String caseId = UUID.randomUUID().toString();
    insert(caseId, "someone." + run, Instant.now().minus(3 * 366, ChronoUnit.DAYS));
    insert(caseId, "someone." + run, Instant.now());

    // the application's own account: no right to change or delete
    assertThatThrownBy(() -> jdbc.update("update case_access_log set user_id = 'nobody' where case_id = ?", caseId))
        .matches(SchemaOwner::isRefusal, "a refusal");
    assertThatThrownBy(() -> jdbc.update("delete from case_access_log where case_id = ?", caseId))
        .matches(SchemaOwner::isRefusal, "a refusal");
    // the schema's owner: the trigger still refuses both
    JdbcTemplate owner = SchemaOwner.jdbc(environment);
    try {
      assertThatThrownBy(() -> owner.update("update case_access_log set user_id = 'nobody' where case_id = ?",
          caseId)).hasMessageContaining("append-only");
      assertThatThrownBy(() -> owner.update("delete from case_access_log where case_id = ?", caseId))
          .hasMessageContaining("append-only");
    } finally {
      SchemaOwner.close(owner);
    }
    assertThat(count(caseId)).isEqualTo(2);

    assertThat(purge.runIfNoOtherNode(Instant.now()))
        .hasValueSatisfying(outcome -> assertThat(outcome.accessLogRows()).isPositive());
    assertThat(count(caseId)).as("the read of three years ago went; today's stays").isEqualTo(1);
    assertThatThrownBy(() -> jdbc.update("delete from case_access_log where case_id = ?", caseId))
        .as("after the purge, the application still may not delete").matches(SchemaOwner::isRefusal, "a refusal");
  }

  @Test
  void theUnusualAccessReportNamesManyCasesInAnHourAndAReadWithoutATask() throws Exception {
    Instant from = Instant.now().minusSeconds(60);
    RaisedCase raised = raise();
    String bulkReader = "bulk." + run;
    for (int i = 0; i < 35; i++) {
      String destroyedCase = UUID.randomUUID().toString();
      insert(destroyedCase, bulkReader, Instant.now());
      noLongerHeld(destroyedCase, "RETENTION", Instant.now());
    }
    // the police may read any case's variable history; this officer never had a task on this case
    String instance = jdbc.queryForObject("select process_instance_id from pathway_case where id = ?", String.class,
        raised.caseId());
    assertThat(get(police, "/engine-rest/history/variable-instance?processInstanceId=" + instance).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(reads(police, raised.caseId())).containsExactly("VARIABLE_HISTORY ENGINE_REST");
    // the coordinators are the triage task's candidates: a coordinator's read is not unusual
    assertThat(get(coordinator, "/engine-rest/task/" + raised.taskId() + "/variables").getStatusCode())
        .isEqualTo(HttpStatus.OK);

    ResponseEntity<String> report = get(manager, "/api/access-log/unusual?from=" + from + "&to="
        + Instant.now().plusSeconds(60));
    assertThat(report.getStatusCode()).as(report.getBody()).isEqualTo(HttpStatus.OK);
    JsonNode answer = json.readTree(report.getBody());
    assertThat(answer.path("manyCasesInAnHour").findValuesAsText("userId")).contains(bulkReader);
    JsonNode busy = find(answer.path("manyCasesInAnHour"), "userId", bulkReader);
    assertThat(busy.path("cases").asInt()).isEqualTo(35);
    assertThat(busy.path("why").asText()).contains("read 35 cases in the hour from").contains("limit of 30");
    JsonNode withoutTask = find(answer.path("readsWithoutATask"), "userId", police);
    assertThat(withoutTask.path("caseReference").asText()).isEqualTo(raised.reference());
    assertThat(withoutTask.path("why").asText()).contains("never had a task on it");
    assertThat(answer.path("readsWithoutATask").findValuesAsText("userId")).doesNotContain(coordinator);
    assertThat(answer.path("casesNoLongerHeld").asInt()).isGreaterThanOrEqualTo(35);

    assertThat(get(police, "/api/access-log/unusual").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> bad = get(manager, "/api/access-log/unusual?from=yesterday");
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(bad.getBody()).contains("from");
    assertThat(get(manager, "/api/access-log/unusual?from=" + LocalDate.now().minusDays(40)).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
  }

  // ---- helpers

  RaisedCase raise() throws Exception {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.set("Idempotency-Key", UUID.randomUUID().toString());
    Map<String, Object> concern = Map.of(
        "referrer", Map.of("name", "PC Test", "agency", "police", "contact", "01632 960000"),
        "person", Map.of("givenName", "Alex", "familyName", "Viewed" + run.replaceAll("[^a-z]", "x"),
            "dateOfBirth", "1980-05-04", "nhsNumber", nhsNumber(), "address", "3 Test Road, Testtown",
            "child", false),
        "concernCategories", List.of("DOMESTIC_ABUSE"), "description", "Neighbours are worried",
        "immediateRisk", false, "consentObtained", true);
    ResponseEntity<String> raised = rest.withBasicAuth(coordinator, PASSWORD).postForEntity("/api/concerns",
        new HttpEntity<>(concern, headers), String.class);
    assertThat(raised.getStatusCode()).as(raised.getBody()).isEqualTo(HttpStatus.CREATED);
    JsonNode receipt = json.readTree(raised.getBody());
    String reference = receipt.path("caseReference").asText();
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(reference).taskCandidateGroup("coordinators")
        .list().stream().findFirst().orElseThrow(() -> new AssertionError("no coordinators' task on " + reference));
    return new RaisedCase(receipt.path("caseId").asText(), reference, task.getId());
  }

  /** A valid NHS number of this run (modulus 11), so that no other test's person is a possible duplicate. */
  static String nhsNumber() {
    java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
    while (true) {
      StringBuilder digits = new StringBuilder();
      int sum = 0;
      for (int i = 0; i < 9; i++) {
        int digit = random.nextInt(10);
        digits.append(digit);
        sum += digit * (10 - i);
      }
      int check = (11 - sum % 11) % 11;
      if (check != 10) {
        return digits.append(check).toString();
      }
    }
  }

  ResponseEntity<String> get(String user, String path) {
    return rest.withBasicAuth(user, PASSWORD).getForEntity(path, String.class);
  }

  List<String> reads(String user, String caseId) {
    return jdbc.queryForList("select what_code || ' ' || door from case_access_log where user_id = ? and case_id = ?",
        String.class, user, caseId);
  }

  void insert(String caseId, String userId, Instant readAt) {
    jdbc.update("insert into case_access_log (id, case_id, user_id, what_code, what_words, door, read_at)"
        + " values (?, ?, ?, 'TASK_FACTS', 'the person and the concerns, shown with a task', 'API', ?)",
        UUID.randomUUID().toString(), caseId, userId, Timestamp.from(readAt));
  }

  /** The record an erasure or the retention purge leaves of a case of the first partnership whose row is gone. */
  void noLongerHeld(String caseId, String kind, Instant at) {
    jdbc.update("insert into data_protection_decision (id, case_id, case_reference, kind, grounds, what_was_done,"
        + " decided_by, decided_at, partnership_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        UUID.randomUUID().toString(), caseId, "PP-2001-000001", kind, "Access log test", "Everything about the person",
        manager, Timestamp.from(at), TestPartnerships.FIRST);
  }

  long count(String caseId) {
    return jdbc.queryForObject("select count(*) from case_access_log where case_id = ?", Long.class, caseId);
  }

  static JsonNode find(JsonNode list, String field, String value) {
    for (JsonNode item : list) {
      if (value.equals(item.path(field).asText())) {
        return item;
      }
    }
    throw new AssertionError("no entry with " + field + " " + value + " in " + list);
  }
}

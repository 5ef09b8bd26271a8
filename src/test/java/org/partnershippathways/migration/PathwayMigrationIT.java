package org.partnershippathways.migration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnershippathways.intake.ConcernApiIT;
import org.partnershippathways.security.PathwayGroups;
import org.partnershippathways.testsupport.PathwaysIntegrationTest;
import org.partnershippathways.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 17 item 4: a changed version of the pathway (the triage task renamed, and the duplicate review renamed
 * without a mapping) is deployed while cases run on the version before; the preview counts the cases per step, says
 * which cannot move and why; the migration with its reason moves the others, which continue on the new version.
 */
@PathwaysIntegrationTest
class PathwayMigrationIT {

  private static final String RUN = UUID.randomUUID().toString().substring(0, 8).replaceAll("\\d", "q");
  private static final String PASSWORD = UUID.randomUUID().toString();
  private static final String OWNER = "migration-owner-" + RUN;
  private static final String COORDINATOR = "migration-coordinator-" + RUN;
  private static final String DEPLOYMENT = "migration-it-" + RUN;
  private static final String PATHWAY = "early-intervention-pathway";

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identity;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired JdbcClient jdbc;

  final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void users() {
    TestUsers.create(identity, OWNER, PASSWORD, PathwayGroups.PROCESS_OWNERS);
    TestUsers.create(identity, COORDINATOR, PASSWORD, PathwayGroups.COORDINATORS);
  }

  @AfterEach
  void removeTheVersionsAndTheirCases() {
    jdbc.sql("delete from pathway_migration where reason like :run").param("run", "%" + RUN + "%").update();
    repository.createDeploymentQuery().deploymentName(DEPLOYMENT).list()
        .forEach(deployment -> repository.deleteDeployment(deployment.getId(), true));
  }

  @Test
  void casesOnTheOldVersionArePreviewedMovedWithAReasonAndGoOnOnTheNewVersion() throws Exception {
    ProcessDefinition before = deploy(pathway -> pathway);
    String family = "Migrate" + RUN;
    ProcessInstance first = raise(family, ConcernApiIT.nhsNumber());
    ProcessInstance second = raise("Other" + RUN, ConcernApiIT.nhsNumber());
    ProcessInstance possibleDuplicate = raise(family, null);
    assertThat(List.of(first, second, possibleDuplicate)).extracting(ProcessInstance::getProcessDefinitionId)
        .containsOnly(before.getId());
    assertThat(taskOf(possibleDuplicate)).isEqualTo("Task_ReviewPossibleDuplicate");

    ProcessDefinition after = deploy(pathway -> pathway
        .replace("Task_ConfirmTriage", "Task_ConfirmTriageRating")
        .replace("name=\"Confirm or override the triage\"", "name=\"Confirm the rating\"")
        .replace("Task_ReviewPossibleDuplicate", "Task_ReviewPossibleDuplicateCase"));
    int from = before.getVersion();
    int to = after.getVersion();

    JsonNode versions = read(call(OWNER, HttpMethod.GET, "/api/pathway-changes/versions", null), 200);
    JsonNode pathway = find(versions, "process", PATHWAY);
    assertThat(find(pathway.path("versions"), "version", String.valueOf(from)).path("runningCases").asLong())
        .isEqualTo(3);
    assertThat(find(pathway.path("versions"), "version", String.valueOf(to)).path("runningCases").asLong())
        .isZero();

    String renamed = """
        {"process": "%s", "fromVersion": %d, "toVersion": %d,
         "mappings": [{"from": "Task_ConfirmTriage", "to": "Task_ConfirmTriageRating"}]%s}""";
    JsonNode preview = read(call(OWNER, HttpMethod.POST, "/api/pathway-changes/preview",
        renamed.formatted(PATHWAY, from, to, "")), 200);
    assertThat(preview.path("planValid").asBoolean()).isTrue();
    assertThat(preview.path("casesMoving").asInt()).isEqualTo(2);
    assertThat(preview.path("casesStaying").asInt()).isEqualTo(1);
    JsonNode triage = find(preview.path("steps"), "stepId", "Task_ConfirmTriage");
    assertThat(triage.path("step").asText()).isEqualTo("Confirm or override the triage");
    assertThat(triage.path("cases").asInt()).isEqualTo(2);
    assertThat(triage.path("movesTo").asText()).isEqualTo("Confirm the rating");
    JsonNode duplicate = find(preview.path("steps"), "stepId", "Task_ReviewPossibleDuplicate");
    assertThat(duplicate.path("cases").asInt()).isEqualTo(1);
    assertThat(duplicate.hasNonNull("movesTo")).as("no step of the new version for it").isFalse();
    assertThat(preview.path("staying").get(0).path("reason").asText())
        .isEqualTo("Waiting at 'Link to the other case or keep apart', which version " + to + " has no step for:"
            + " map it to a step of the new version, or finish it first.");
    assertThat(preview.toString()).doesNotContain("ENGINE-").doesNotContain("Exception");

    JsonNode unmapped = read(call(OWNER, HttpMethod.POST, "/api/pathway-changes/preview", """
        {"process": "%s", "fromVersion": %d, "toVersion": %d}""".formatted(PATHWAY, from, to)), 200);
    assertThat(unmapped.path("casesMoving").asInt()).as("without the renamed step mapped, no case can move")
        .isZero();

    JsonNode wrongKind = read(call(OWNER, HttpMethod.POST, "/api/pathway-changes/preview", """
        {"process": "%s", "fromVersion": %d, "toVersion": %d,
         "mappings": [{"from": "Task_ConfirmTriage", "to": "CallActivity_ConsentCheck"}]}"""
        .formatted(PATHWAY, from, to)), 200);
    assertThat(wrongKind.path("planValid").asBoolean()).isFalse();
    assertThat(wrongKind.path("problems").get(0).asText()).isEqualTo("'Confirm or override the triage' cannot"
        + " become 'Check consent to share': they are different kinds of step (a task, a sub-process, an event).");
    assertThat(wrongKind.path("casesMoving").asInt()).isZero();

    assertThat(fields(read(call(OWNER, HttpMethod.POST, "/api/pathway-changes/migrations",
        renamed.formatted(PATHWAY, from, to, "")), 400))).containsExactly("reason");
    assertThat(fields(read(call(OWNER, HttpMethod.POST, "/api/pathway-changes/preview", """
        {"process": "%s", "fromVersion": %d, "toVersion": 9999,
         "mappings": [{"from": "Task_Nowhere", "to": ""}]}""".formatted(PATHWAY, from)), 400)))
        .containsExactly("mappings[0].to");
    assertThat(call(COORDINATOR, HttpMethod.POST, "/api/pathway-changes/migrations",
        renamed.formatted(PATHWAY, from, to, ", \"reason\": \"x\"")).getStatusCode().value()).isEqualTo(403);

    String reason = "Triage task renamed for the new guidance " + RUN;
    JsonNode started = read(call(OWNER, HttpMethod.POST, "/api/pathway-changes/migrations",
        renamed.formatted(PATHWAY, from, to, ", \"reason\": \"" + reason + "\"")), 202);
    assertThat(started.path("casesMoving").asInt()).isEqualTo(2);
    assertThat(started.path("casesStaying").asInt()).isEqualTo(1);
    Map<String, Object> recorded = jdbc.sql("select requested_by, reason, step_mappings, cases_moving"
        + " from pathway_migration where id = :id").param("id", started.path("migrationId").asText()).query().singleRow();
    assertThat(recorded).containsEntry("requested_by", OWNER).containsEntry("reason", reason)
        .containsEntry("step_mappings", "Task_ConfirmTriage -> Task_ConfirmTriageRating");

    runTheBatch(started.path("batchId").asText());

    for (ProcessInstance moved : List.of(first, second)) {
      assertThat(definitionOf(moved)).as("a moved case is on the new version").isEqualTo(after.getId());
      assertThat(taskOf(moved)).isEqualTo("Task_ConfirmTriageRating");
    }
    assertThat(definitionOf(possibleDuplicate)).as("the case at the unmapped step stays").isEqualTo(before.getId());
    assertThat(taskOf(possibleDuplicate)).isEqualTo("Task_ReviewPossibleDuplicate");

    tasks.complete(tasks.createTaskQuery().processInstanceId(first.getId()).singleResult().getId());
    ProcessInstance consent = runtime.createProcessInstanceQuery().superProcessInstanceId(first.getId())
        .singleResult();
    assertThat(consent).as("after the renamed triage the case goes on to its consent check").isNotNull();
    assertThat(tasks.createTaskQuery().processInstanceId(consent.getId()).singleResult().getTaskDefinitionKey())
        .isEqualTo("Task_RecordConsent");
    assertThat(definitionOf(first)).isEqualTo(after.getId());

    JsonNode done = read(call(OWNER, HttpMethod.GET, "/api/pathway-changes/migrations", null), 200);
    JsonNode ours = find(done, "migrationId", started.path("migrationId").asText());
    assertThat(ours.path("reason").asText()).isEqualTo(reason);
    assertThat(ours.path("processName").asText()).isEqualTo("Early-intervention pathway");
    assertThat(ours.path("requestedBy").asText()).isEqualTo(OWNER);
    assertThat(ours.path("requestedAt").asText()).matches("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}");
    assertThat(ours.path("state").asText()).startsWith("Finished on ");
  }

  /**
   * Issue 17: a case changes between the preview and the batch (a coordinator sends it back to the duplicate review,
   * a step the new version does not have): the engine cannot move it. The other case moves; the failed one stays on
   * its version with an incident on the case naming it, and the migration's state says which case did not move.
   */
  @Test
  void aCaseThatChangedBeforeTheBatchRanBecomesAnIncidentNamingItAndTheOtherCaseMoves() throws Exception {
    ProcessDefinition before = deploy(pathway -> pathway);
    ProcessInstance moves = raise("Moves" + RUN, ConcernApiIT.nhsNumber());
    ProcessInstance changes = raise("Changes" + RUN, ConcernApiIT.nhsNumber());
    ProcessDefinition after = deploy(pathway -> pathway
        .replace("Task_ReviewPossibleDuplicate", "Task_ReviewPossibleDuplicateCase"));
    String reason = "Duplicate review renamed " + RUN;
    JsonNode started = read(call(OWNER, HttpMethod.POST, "/api/pathway-changes/migrations", """
        {"process": "%s", "fromVersion": %d, "toVersion": %d, "reason": "%s"}"""
        .formatted(PATHWAY, before.getVersion(), after.getVersion(), reason)), 202);
    assertThat(started.path("casesMoving").asInt()).isEqualTo(2);

    runtime.createProcessInstanceModification(changes.getId()).cancelAllForActivity("Task_ConfirmTriage")
        .startBeforeActivity("Task_ReviewPossibleDuplicate").execute();
    String batchId = started.path("batchId").asText();
    runTheBatchUntilOnlyFailuresRemain(batchId);

    assertThat(definitionOf(moves)).as("the other case moved").isEqualTo(after.getId());
    assertThat(definitionOf(changes)).as("the changed case stays").isEqualTo(before.getId());
    assertThat(taskOf(changes)).isEqualTo("Task_ReviewPossibleDuplicate");
    Batch batch = management.createBatchQuery().batchId(batchId).singleResult();
    List<Job> failed = management.createJobQuery().jobDefinitionId(batch.getBatchJobDefinitionId()).noRetriesLeft()
        .list();
    assertThat(failed).hasSize(1);
    assertThat(runtime.createIncidentQuery().incidentType("failedJob").configuration(failed.get(0).getId()).count())
        .as("the engine's incident of the batch").isEqualTo(1);

    String reference = runtime.createProcessInstanceQuery().processInstanceId(changes.getId()).singleResult()
        .getBusinessKey();
    JsonNode done = read(call(OWNER, HttpMethod.GET, "/api/pathway-changes/migrations", null), 200);
    String state = find(done, "migrationId", started.path("migrationId").asText()).path("state").asText();
    assertThat(state).startsWith("1 case(s) could not be moved: " + reference + " (")
        .contains("incident on the case").doesNotContain(changes.getId());
    List<Incident> onTheCase = runtime.createIncidentQuery().processInstanceId(changes.getId())
        .incidentType("pathwayMigrationFailed").list();
    assertThat(onTheCase).hasSize(1);
    assertThat(onTheCase.get(0).getIncidentMessage()).startsWith("Case " + reference + " could not be moved from"
        + " version " + before.getVersion() + " to version " + after.getVersion()).contains(reason);
    read(call(OWNER, HttpMethod.GET, "/api/pathway-changes/migrations", null), 200);
    assertThat(runtime.createIncidentQuery().processInstanceId(changes.getId())
        .incidentType("pathwayMigrationFailed").count()).as("raised once").isEqualTo(1);
    assertThat(runtime.createIncidentQuery().processInstanceId(moves.getId()).count()).isZero();
  }

  /** The batch's jobs run until none has retries left; a failing job fails as the job executor would let it. */
  private void runTheBatchUntilOnlyFailuresRemain(String batchId) {
    Batch batch = management.createBatchQuery().batchId(batchId).singleResult();
    List<String> definitions = List.of(batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId());
    for (int round = 0; round < 20; round++) {
      List<Job> jobs = definitions.stream().flatMap(definition -> management.createJobQuery()
          .jobDefinitionId(definition).withRetriesLeft().list().stream()).toList();
      if (jobs.isEmpty()) {
        return;
      }
      for (Job job : jobs) {
        try {
          management.executeJob(job.getId());
        } catch (RuntimeException failed) {
          // the engine records the failure and lowers the job's retries, as for the job executor
        }
      }
    }
    throw new AssertionError("the batch's jobs still had retries after 20 rounds");
  }

  /** The seed job makes one job per case, then the monitor job ends the batch (the job executor is off in tests). */
  private void runTheBatch(String batchId) {
    Batch batch = management.createBatchQuery().batchId(batchId).singleResult();
    List<String> definitions = List.of(batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId(),
        batch.getMonitorJobDefinitionId());
    for (int round = 0; round < 20 && management.createBatchQuery().batchId(batchId).count() > 0; round++) {
      definitions.forEach(definition -> management.createJobQuery().jobDefinitionId(definition).list()
          .forEach(job -> management.executeJob(job.getId())));
    }
    assertThat(management.createBatchQuery().batchId(batchId).count()).as("the batch ran to its end").isZero();
  }

  private interface Change {
    String apply(String pathway);
  }

  /** processes/ and forms/ as the application ships them, the pathway changed: a version that passes the gate. */
  private ProcessDefinition deploy(Change change) throws IOException {
    DeploymentBuilder deployment = repository.createDeployment().name(DEPLOYMENT);
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    List<Resource> files = new ArrayList<>(List.of(resolver.getResources("classpath*:processes/*")));
    files.addAll(List.of(resolver.getResources("classpath*:forms/*.form")));
    for (Resource file : files) {
      try (InputStream in = file.getInputStream()) {
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        deployment.addString(file.getFilename(), file.getFilename().equals(PATHWAY + ".bpmn")
            ? change.apply(text) : text);
      }
    }
    String id = deployment.deploy().getId();
    return repository.createProcessDefinitionQuery().deploymentId(id).processDefinitionKey(PATHWAY).singleResult();
  }

  private ProcessInstance raise(String familyName, String nhsNumber) throws IOException {
    HttpHeaders headers = basic(COORDINATOR);
    headers.set("Idempotency-Key", UUID.randomUUID().toString());
    ResponseEntity<String> response = rest.exchange("/api/concerns", HttpMethod.POST,
        new HttpEntity<>(ConcernApiIT.concern(familyName, nhsNumber, "Migration " + RUN), headers), String.class);
    String id = read(response, 201).path("processInstanceId").asText();
    return runtime.createProcessInstanceQuery().processInstanceId(id).singleResult();
  }

  private String taskOf(ProcessInstance instance) {
    return tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getTaskDefinitionKey();
  }

  private String definitionOf(ProcessInstance instance) {
    return runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
        .getProcessDefinitionId();
  }

  private ResponseEntity<String> call(String user, HttpMethod method, String path, String body) {
    return rest.exchange(path, method, new HttpEntity<>(body, basic(user)), String.class);
  }

  private HttpHeaders basic(String user) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, PASSWORD);
    headers.setContentType(MediaType.APPLICATION_JSON);
    return headers;
  }

  private JsonNode read(ResponseEntity<String> response, int status) throws IOException {
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
    return json.readTree(response.getBody());
  }

  private static List<String> fields(JsonNode problem) {
    List<String> fields = new ArrayList<>();
    problem.path("errors").forEach(error -> fields.add(error.path("field").asText()));
    return fields;
  }

  private static JsonNode find(JsonNode list, String field, String value) {
    for (JsonNode item : list) {
      if (item.path(field).asText().equals(value)) {
        return item;
      }
    }
    throw new AssertionError("no item with " + field + " = " + value + " in " + list);
  }
}

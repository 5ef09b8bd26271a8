package org.partnershippathways.migration;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A case the engine could not move (its migration job failed three times, for example because the case went on to a
 * step the plan has no instruction for between the preview and the batch): the engine's incident is on the batch,
 * which names no case. This raises an incident on the case itself, in Cockpit's incidents of its process instance,
 * naming the case by its reference, the versions and the engine's reason; and tells which cases could not be moved.
 * It looks every minute, and whenever the migrations are listed.
 */
@Component
record FailedMoves(ManagementService management, RuntimeService runtime, MigrationTable table) {

  static final String INCIDENT_TYPE = "pathwayMigrationFailed";
  private static final Logger LOG = LoggerFactory.getLogger(FailedMoves.class);
  /** The engine's message for a process instance it cannot migrate (ENGINE-23004 and the like). */
  private static final Pattern INSTANCE = Pattern.compile("(?i)process instance '([^']+)'");

  /** A case that could not be moved: its reference and the engine's reason. */
  record FailedMove(String caseReference, String processInstanceId, String reason) {
  }

  @Scheduled(initialDelayString = "PT30S", fixedDelayString = "${pathways.migration.failed-moves-check:PT1M}")
  void raiseIncidentsOfRunningMigrations() {
    try {
      for (MigrationTable.Migration migration : table.latest(50)) {
        failedMoves(migration);
      }
    } catch (RuntimeException e) {
      LOG.warn("Cases that could not be moved were not checked: {}", e.toString());
    }
  }

  /**
   * The cases of the migration's batch whose move failed for good (a job of the batch without retries: one job per
   * case, the engine's incident on it), each with an incident on the case.
   */
  List<FailedMove> failedMoves(MigrationTable.Migration migration) {
    Batch batch = migration.batchId() == null ? null
        : management.createBatchQuery().batchId(migration.batchId()).singleResult();
    if (batch == null) {
      return List.of();
    }
    List<FailedMove> failed = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (Job job : management.createJobQuery().jobDefinitionId(batch.getBatchJobDefinitionId()).noRetriesLeft()
        .list()) {
      String message = String.valueOf(job.getExceptionMessage());
      Matcher instance = INSTANCE.matcher(message);
      while (instance.find()) {
        String processInstanceId = instance.group(1);
        if (seen.add(processInstanceId)) {
          ProcessInstance running = runtime.createProcessInstanceQuery().processInstanceId(processInstanceId)
              .singleResult();
          String reference = running == null || running.getBusinessKey() == null ? "a case without a reference"
              : running.getBusinessKey();
          String reason = reason(message);
          failed.add(new FailedMove(reference, processInstanceId, reason));
          if (running != null) {
            raiseOnTheCase(migration, running, reference, reason);
          }
        }
      }
    }
    return failed;
  }

  private void raiseOnTheCase(MigrationTable.Migration migration, ProcessInstance running, String reference,
      String reason) {
    boolean raised = runtime.createIncidentQuery().processInstanceId(running.getId()).incidentType(INCIDENT_TYPE)
        .configuration(migration.batchId()).count() > 0;
    if (!raised) {
      runtime.createIncident(INCIDENT_TYPE, running.getId(), migration.batchId(), "Case " + reference
          + " could not be moved from version " + migration.fromVersion() + " to version " + migration.toVersion()
          + " of " + migration.processKey() + " (asked by " + migration.requestedBy() + ": " + migration.reason()
          + "). It stays on version " + migration.fromVersion() + ". The engine said: " + reason);
    }
  }

  /** The engine's reason without its code and the instance id: the lines after the first, or the message. */
  private static String reason(String message) {
    String[] lines = message.strip().split("\\R");
    String reason = lines.length > 1 ? String.join(" ", java.util.Arrays.copyOfRange(lines, 1, lines.length))
        : lines[0];
    return reason.replaceAll("\\s+", " ").strip();
  }
}

package org.partnershippathways.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.batch.Batch;
import org.partnershippathways.dataprotection.RetentionPurge;
import org.partnershippathways.partners.LedgerRetention;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * (f) retention: what the database holds (rows, and bytes of the rows as stored: {@code pg_column_size}) over every
 * table, ours and the engine's, before and after the cases of (a) are cleaned up as their retention ends: the engine's
 * history cleanup (removal-time based, their removal time set to the past) and our purge (as of 8 years on), timed.
 */
final class RetentionMeasurement {

  /** What every table holds. */
  record Held(long rows, long bytes) {
    Held minus(Held other) {
      return new Held(rows - other.rows, bytes - other.bytes);
    }
  }

  /** Seconds the engine's history cleanup and our purge took. */
  record Cleanup(double engineSeconds, double purgeSeconds, int casesPurged) {
  }

  private RetentionMeasurement() {
  }

  static Held held(JdbcTemplate jdbc) {
    List<String> tables = jdbc.queryForList(
        "select tablename from pg_tables where schemaname = current_schema()", String.class);
    long rows = 0;
    long bytes = 0;
    for (String table : tables) {
      var row = jdbc.queryForMap("select count(*) as n, coalesce(sum(pg_column_size(t.*)), 0) as b from \""
          + table + "\" t");
      rows += ((Number) row.get("n")).longValue();
      bytes += ((Number) row.get("b")).longValue();
    }
    return new Held(rows, bytes);
  }

  static Cleanup cleanUp(ConfigurableApplicationContext application, JdbcTemplate jdbc, String familyNameLike)
      throws InterruptedException {
    HistoryService history = application.getBean(HistoryService.class);
    ManagementService management = application.getBean(ManagementService.class);
    List<String> roots = jdbc.queryForList("select process_instance_id from pathway_case where status = 'CLOSED'"
        + " and person_family_name like ? and process_instance_id is not null", String.class, familyNameLike);

    long start = System.nanoTime();
    Batch batch = history.setRemovalTimeToHistoricProcessInstances()
        .absoluteRemovalTime(Date.from(Instant.now().minus(Duration.ofDays(1))))
        .byIds(roots.toArray(String[]::new)).hierarchical().executeAsync();
    await(() -> management.createBatchQuery().batchId(batch.getId()).count() == 0, "the removal-time batch");
    history.cleanUpHistoryAsync(true);
    await(() -> history.createHistoricProcessInstanceQuery().processInstanceIds(new java.util.HashSet<>(roots))
        .count() == 0, "the history cleanup");
    double engineSeconds = (System.nanoTime() - start) / 1e9;

    start = System.nanoTime();
    RetentionPurge purge = application.getBean(RetentionPurge.class);
    Instant eightYearsOn = Instant.now().plus(Duration.ofDays(8 * 366));
    int cases = 0;
    while (true) {
      int purged = purge.runIfNoOtherNode(eightYearsOn).map(RetentionPurge.Outcome::cases).orElse(0);
      cases += purged;
      if (purged == 0) {
        break;
      }
    }
    LedgerRetention ledger = application.getBean(LedgerRetention.class);
    while (ledger.removeBefore(eightYearsOn, 10_000) > 0) {
      // the whole ledger is past its period 8 years on
    }
    return new Cleanup(engineSeconds, (System.nanoTime() - start) / 1e9, cases);
  }

  private static void await(java.util.function.BooleanSupplier done, String what) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("gave up waiting for " + what);
      }
      Thread.sleep(200);
    }
  }
}

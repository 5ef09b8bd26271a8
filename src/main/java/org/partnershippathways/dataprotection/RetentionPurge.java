package org.partnershippathways.dataprotection;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.partnershippathways.accesslog.AccessLogRetention;
import org.partnershippathways.calendar.UkDates;
import org.partnershippathways.partners.LedgerRetention;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The retention purge of our tables (the engine's history has Camunda's own history cleanup, configured to the same
 * schedule). Every node tries it every {@code pathways.retention.purge-every}; one runs it ({@link RetentionLock}).
 * A closed case past its period goes with everything about it, each in a transaction of its own, and leaves a
 * destruction record ({@code data_protection_decision}, kind {@code RETENTION}); the ledger loses its rows past
 * their period from the start of the chain; the subject access audit and the access log their old rows.
 */
@Component
public class RetentionPurge {

  static final String RETENTION = "RETENTION";
  private static final Logger LOG = LoggerFactory.getLogger(RetentionPurge.class);

  /** What one run removed. */
  public record Outcome(int cases, int ledgerRows, int subjectAccessRows, int accessLogRows) {
  }

  private final RetentionProperties retention;
  private final RetentionLock lock;
  private final CaseRows rows;
  private final DecisionTable decisions;
  private final LedgerRetention ledger;
  private final AccessLogRetention accessLog;
  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;

  RetentionPurge(RetentionProperties retention, RetentionLock lock, CaseRows rows, DecisionTable decisions,
      LedgerRetention ledger, AccessLogRetention accessLog, JdbcClient jdbc, TransactionTemplate transaction) {
    this.retention = retention;
    this.lock = lock;
    this.rows = rows;
    this.decisions = decisions;
    this.ledger = ledger;
    this.accessLog = accessLog;
    this.jdbc = jdbc;
    this.transaction = transaction;
  }

  @Scheduled(initialDelayString = "${pathways.retention.purge-every:PT1H}",
      fixedDelayString = "${pathways.retention.purge-every:PT1H}")
  void onSchedule() {
    runIfNoOtherNode(Instant.now());
  }

  /** Runs the purge as of {@code now} unless another node is running it; empty when it did not run. */
  public java.util.Optional<Outcome> runIfNoOtherNode(Instant now) {
    if (!lock.take(now)) {
      return java.util.Optional.empty();
    }
    Outcome outcome = null;
    try {
      outcome = purge(now);
      return java.util.Optional.of(outcome);
    } finally {
      lock.release(Instant.now(), outcome == null ? "failed" : outcome.toString());
    }
  }

  private Outcome purge(Instant now) {
    LocalDate today = now.atZone(UkDates.UK).toLocalDate();
    Instant closedBefore = today.minus(retention.caseRecords()).atStartOfDay(UkDates.UK).toInstant();
    LocalDate bornBefore = today.minusYears(retention.childUntilAge());
    List<String[]> expired = jdbc.sql("""
            select id, reference, partnership_id from pathway_case
            where closed_at is not null and closed_at < :closedBefore
              and (person_child = false or person_date_of_birth <= :bornBefore)
            order by closed_at, id limit :batch""")
        .param("closedBefore", java.sql.Timestamp.from(closedBefore)).param("bornBefore", bornBefore)
        .param("batch", retention.purgeBatch())
        .query((rs, row) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).list();
    for (String[] expiredCase : expired) {
      transaction.executeWithoutResult(status -> {
        Map<String, Integer> removed = rows.remove(expiredCase[0]);
        decisions.insert(expiredCase[0], expiredCase[2], expiredCase[1], RETENTION, "Retention period of "
            + retention.caseRecords() + " after closure passed", "Destroyed: " + CaseRows.described(removed),
            "system", now);
      });
    }
    int ledgerRows = ledger.removeBefore(today.minus(retention.disclosureLedger()).atStartOfDay(UkDates.UK)
        .toInstant(), retention.purgeBatch());
    int subjectAccessRows = jdbc.sql("delete from subject_access_audit where acted_at < :before")
        .param("before", java.sql.Timestamp.from(today.minus(retention.subjectAccessAudit())
            .atStartOfDay(ZoneOffset.UTC).toInstant()))
        .update();
    int accessLogRows = accessLog.removeBefore(today.minus(retention.accessLog()).atStartOfDay(UkDates.UK)
        .toInstant());
    Outcome outcome = new Outcome(expired.size(), ledgerRows, subjectAccessRows, accessLogRows);
    if (outcome.cases() + ledgerRows + subjectAccessRows + accessLogRows > 0) {
      LOG.info("Retention purge: {}", outcome);
    }
    return outcome;
  }
}

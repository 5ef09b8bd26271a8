package org.partnershippathways.dataprotection;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Table {@code retention_purge_lock}: the run of the purge belongs to one node at a time. Taking it is one update
 * that succeeds only where nobody holds it or the holder's time ran out (a node that died), as Camunda locks jobs.
 */
@Repository
class RetentionLock {

  private static final Duration HOLD = Duration.ofMinutes(30);

  /** This node: its process and a random part, so that two nodes on one host differ. */
  private final String node = ManagementFactory.getRuntimeMXBean().getName() + "/"
      + UUID.randomUUID().toString().substring(0, 8);
  private final JdbcClient jdbc;

  RetentionLock(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  boolean take(Instant now) {
    return jdbc.sql("""
            update retention_purge_lock set locked_by = :node, locked_until = :until
            where id = 1 and (locked_until is null or locked_until < :now)""")
        .param("node", node).param("until", Timestamp.from(now.plus(HOLD))).param("now", Timestamp.from(now))
        .update() == 1;
  }

  void release(Instant now, String outcome) {
    jdbc.sql("""
            update retention_purge_lock set locked_by = null, locked_until = null, last_run_at = :now,
              last_outcome = :outcome
            where id = 1 and locked_by = :node""")
        .param("node", node).param("now", Timestamp.from(now))
        .param("outcome", outcome.length() > 2000 ? outcome.substring(0, 2000) : outcome)
        .update();
  }
}

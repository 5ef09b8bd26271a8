package org.partnershippathways.accesslog;

import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;
import org.partnershippathways.platform.DatabaseKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one deleter of the access log: the retention purge removes reads older than their period, in a transaction
 * that tells the table's trigger so (as the ledger's purge does).
 */
@Component
public class AccessLogRetention {

  private final JdbcClient jdbc;
  private final DatabaseKind database;

  AccessLogRetention(JdbcClient jdbc, DataSource dataSource) {
    this.jdbc = jdbc;
    this.database = DatabaseKind.of(dataSource);
  }

  /** Removes the reads made before {@code cutoff}; returns how many went. */
  @Transactional
  public int removeBefore(Instant cutoff) {
    retentionFlag("'on'");
    try {
      return jdbc.sql("delete from case_access_log where read_at < :cutoff")
          .param("cutoff", Timestamp.from(cutoff)).update();
    } finally {
      retentionFlag("'off'");
    }
  }

  private void retentionFlag(String value) {
    if (database == DatabaseKind.POSTGRES) {
      jdbc.sql("select set_config('pathways.ledger_retention', " + value + ", true)").query().listOfRows();
    } else {
      jdbc.sql("set @ledger_retention = " + value).update();
    }
  }
}

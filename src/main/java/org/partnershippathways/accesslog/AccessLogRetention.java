package org.partnershippathways.accesslog;

import java.sql.Timestamp;
import java.time.Instant;
import org.partnershippathways.platform.DatabaseKind;
import org.partnershippathways.platform.RetentionAccount;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one deleter of the access log: the retention purge removes reads older than their period, connected as the
 * retention account (the only one the database lets delete), in a transaction that tells the table's trigger so, as
 * the ledger's purge does.
 */
@Component
public class AccessLogRetention {

  private final RetentionAccount account;

  AccessLogRetention(RetentionAccount account) {
    this.account = account;
  }

  /** Removes the reads made before {@code cutoff}; returns how many went. */
  public int removeBefore(Instant cutoff) {
    Integer removed = account.transaction().execute(status -> {
      JdbcClient jdbc = account.jdbc();
      retentionFlag(jdbc, "'on'");
      try {
        return jdbc.sql("delete from case_access_log where read_at < :cutoff")
            .param("cutoff", Timestamp.from(cutoff)).update();
      } finally {
        retentionFlag(jdbc, "'off'");
      }
    });
    return removed == null ? 0 : removed;
  }

  private void retentionFlag(JdbcClient jdbc, String value) {
    if (account.databaseKind() == DatabaseKind.POSTGRES) {
      jdbc.sql("select set_config('pathways.ledger_retention', " + value + ", true)").query().listOfRows();
    } else {
      jdbc.sql("set @ledger_retention = " + value).update();
    }
  }
}

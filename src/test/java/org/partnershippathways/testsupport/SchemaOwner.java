package org.partnershippathways.testsupport;

import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The database as the schema's owner sees it (pathways.database.owner), for tests that do what the application's own
 * account may not: change the ledger behind the application's back, switch a trigger off.
 */
public final class SchemaOwner {

  private SchemaOwner() {
  }

  /** A connection of its own, as the owner; close it with {@link #close(JdbcTemplate)}. */
  public static JdbcTemplate jdbc(Environment environment) {
    SingleConnectionDataSource owner = new SingleConnectionDataSource(
        environment.getRequiredProperty("spring.datasource.url"),
        environment.getRequiredProperty("pathways.database.owner.username"),
        environment.getProperty("pathways.database.owner.password", ""), true);
    return new JdbcTemplate(owner);
  }

  public static void close(JdbcTemplate owner) {
    ((SingleConnectionDataSource) owner.getDataSource()).destroy();
  }

  /** What the database answers when an account that may not change an append-only table tries to. */
  public static boolean isRefusal(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      String message = String.valueOf(cause.getMessage()).toLowerCase();
      if (message.contains("append-only") || message.contains("not enough rights")
          || message.contains("permission denied") || message.contains("must be owner")
          || message.contains("admin rights")) {
        return true;
      }
    }
    return false;
  }
}

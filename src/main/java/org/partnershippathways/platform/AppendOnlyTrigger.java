package org.partnershippathways.platform;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * H2's trigger for append-only tables (the disclosure ledger): refuses every update and delete, whoever sends it.
 * H2 loads it by name from the changeset ({@code CREATE TRIGGER ... CALL 'org.partnershippathways.platform.AppendOnlyTrigger'});
 * PostgreSQL has a trigger function of its own (db/changelog/050-partners.xml).
 */
public class AppendOnlyTrigger implements Trigger {

  private String table = "this table";

  @Override
  public void init(Connection connection, String schemaName, String triggerName, String tableName, boolean before,
      int type) {
    table = tableName.toLowerCase();
  }

  @Override
  public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
    String what = newRow == null ? "DELETE" : "UPDATE";
    throw new SQLException(table + " is append-only: " + what + " is not allowed", "23000");
  }
}

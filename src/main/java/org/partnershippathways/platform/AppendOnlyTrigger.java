package org.partnershippathways.platform;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.h2.api.Trigger;

/**
 * H2's trigger for append-only tables (the disclosure ledger): refuses every update, and every delete but the
 * retention purge's (a session that set {@code @ledger_retention} to {@code 'on'}), whoever sends them. H2 loads it
 * by name from the changeset ({@code CREATE TRIGGER ... CALL 'org.partnershippathways.platform.AppendOnlyTrigger'});
 * PostgreSQL has a trigger function of its own (db/changelog/050-partners.xml, 330-retention.xml).
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
    if (newRow == null && retentionPurge(connection)) {
      return;
    }
    String what = newRow == null ? "DELETE" : "UPDATE";
    throw new SQLException(table + " is append-only: " + what + " is not allowed", "23000");
  }

  private static boolean retentionPurge(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("select @ledger_retention")) {
      return rs.next() && "on".equals(rs.getString(1));
    }
  }
}

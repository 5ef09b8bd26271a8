package org.partnershippathways.platform;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What the application's and the retention purge's accounts may do, granted by the schema's owner after every schema
 * update (so new tables are covered): the application reads and writes every table but may only read and append to
 * the {@link AppendOnlyTables}; the retention account may read those, delete from them and move their chain's start.
 * Neither owns a table, so neither can switch a trigger off or drop one.
 */
record DatabaseGrants(String applicationUser, String retentionUser) {

  void apply(Connection owner) throws SQLException {
    DatabaseKind kind = DatabaseKind.of(owner);
    String application = user(kind, applicationUser);
    String retention = retentionUser == null || retentionUser.isBlank() ? null : user(kind, retentionUser);
    try (Statement sql = owner.createStatement()) {
      if (kind == DatabaseKind.POSTGRES) {
        String schema = owner.getSchema();
        sql.execute("grant usage on schema \"" + schema + "\" to " + application
            + (retention == null ? "" : ", " + retention));
        sql.execute("grant usage, select, update on all sequences in schema \"" + schema + "\" to " + application);
      }
      for (String table : tables(owner)) {
        String quoted = "\"" + table + "\"";
        if (table.toLowerCase().startsWith("databasechangelog")) {
          // Liquibase's own record of the schema: the application reads it (a health check, an erasure scan)
          sql.execute("grant select on " + quoted + " to " + application);
        } else if (AppendOnlyTables.isAppendOnly(table)) {
          sql.execute("revoke all on " + quoted + " from " + application);
          sql.execute("grant select, insert on " + quoted + " to " + application);
          if (retention != null) {
            sql.execute("grant select, delete on " + quoted + " to " + retention);
          }
        } else {
          sql.execute("grant select, insert, update, delete on " + quoted + " to " + application);
          if (retention != null && AppendOnlyTables.isChainHead(table)) {
            sql.execute("grant select, update on " + quoted + " to " + retention);
          }
        }
      }
    }
  }

  private static List<String> tables(Connection connection) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (ResultSet rs = connection.getMetaData().getTables(connection.getCatalog(), connection.getSchema(), "%",
        new String[] {"TABLE"})) {
      while (rs.next()) {
        String table = rs.getString("TABLE_NAME");
        tables.add(table);
      }
    }
    return tables;
  }

  /** H2 keeps unquoted user names in upper case; PostgreSQL in lower case unless created quoted. */
  private static String user(DatabaseKind kind, String name) {
    return "\"" + (kind == DatabaseKind.H2 ? name.toUpperCase() : name).replace("\"", "") + "\"";
  }
}

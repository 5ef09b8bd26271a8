package org.partnershippathways.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Every run starts on an empty PostgreSQL database, so that figures of two runs compare. */
final class BenchmarkDatabase {

  private BenchmarkDatabase() {
  }

  /**
   * @param logSlowerThanMs when not null, PostgreSQL logs every statement on this database that takes longer
   *     (with its parameters, in the server's log): to find the SQL behind a slow figure
   */
  static void recreate(String url, String user, Integer logSlowerThanMs) throws SQLException {
    int slash = url.lastIndexOf('/');
    String name = url.substring(slash + 1).replaceAll("\\?.*", "");
    if (!name.matches("[a-z0-9_]+")) {
      throw new IllegalArgumentException("benchmark database name must be lower-case letters, digits, _: " + name);
    }
    String maintenanceUrl = url.substring(0, slash + 1) + "postgres";
    try (Connection connection = DriverManager.getConnection(maintenanceUrl, user, "");
        Statement statement = connection.createStatement()) {
      statement.execute("drop database if exists " + name + " with (force)");
      statement.execute("create database " + name);
      if (logSlowerThanMs != null) {
        statement.execute("alter database " + name + " set log_min_duration_statement = " + logSlowerThanMs);
      }
    }
  }
}

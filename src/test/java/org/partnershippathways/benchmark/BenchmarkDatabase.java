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
    String name = databaseName(url);
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

  /**
   * The settings docs/benchmark.md recommends for the pathways database: plan each statement for its values
   * (a generic plan of Camunda's task query misjudges the authorizations) and no JIT compilation (it costs more
   * than the queries). They apply to connections opened afterwards.
   */
  static void recommendedSettings(String url, String user) throws SQLException {
    String name = databaseName(url);
    try (Connection connection = DriverManager.getConnection(url, user, "");
        Statement statement = connection.createStatement()) {
      statement.execute("alter database " + name + " set plan_cache_mode = force_custom_plan");
      statement.execute("alter database " + name + " set jit = off");
    }
  }

  private static String databaseName(String url) {
    String name = url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
    if (!name.matches("[a-z0-9_]+")) {
      throw new IllegalArgumentException("benchmark database name must be lower-case letters, digits, _: " + name);
    }
    return name;
  }
}

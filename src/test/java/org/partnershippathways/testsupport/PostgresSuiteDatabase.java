package org.partnershippathways.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Before the PostgreSQL suite runs, makes sure its database exists: on the server given with
 * {@code -Dpathways.test.db.url=...}, else on the local server (127.0.0.1:5432) when it answers, else on an
 * embedded PostgreSQL. Says which in the build's output and in
 * {@code target/failsafe-reports/postgres/database.txt}.
 */
public class PostgresSuiteDatabase implements LauncherSessionListener {

  static final String URL = "PATHWAYS_TEST_DB_URL";
  static final String USER = "PATHWAYS_TEST_DB_USER";
  static final String DEFAULT_URL = TestPostgres.DEFAULT_SERVER + "pathways_test";
  private static final Path REPORT = Path.of("target", "failsafe-reports", "postgres", "database.txt");

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    if (!TestDatabase.isPostgres()) {
      return;
    }
    String given = System.getProperty(URL, "").strip();
    String user = System.getProperty(USER, "").isBlank() ? "postgres" : System.getProperty(USER).strip();
    TestPostgres.Database database = TestPostgres.prepare(given.isEmpty() ? DEFAULT_URL : given, user,
        !given.isEmpty());
    System.setProperty(URL, database.url());
    System.setProperty(USER, database.user());
    String line = "PostgreSQL suite on: " + database.description();
    System.out.println(line);
    try {
      Files.createDirectories(REPORT.getParent());
      Files.writeString(REPORT, line + System.lineSeparator());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    TestPostgres.stop();
  }
}

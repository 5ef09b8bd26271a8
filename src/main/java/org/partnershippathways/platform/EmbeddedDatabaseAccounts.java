package org.partnershippathways.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * On the embedded H2 database, the accounts of {@link DatabaseAccounts} are made without any setting: the configured
 * user (by default {@code sa}, H2's administrator) becomes the schema's owner, and the application and the retention
 * purge connect as {@code PATHWAYS_APP} and {@code PATHWAYS_RETENTION}, created here before anything connects. Their
 * passwords are derived from the owner's, so that several nodes of one embedded database agree on them. Runs before
 * {@link DatabaseSettingsCheck}, which then checks the application's own account. Off with
 * {@code pathways.database.embedded-accounts=false}, or when an owner is configured.
 */
class EmbeddedDatabaseAccounts implements EnvironmentPostProcessor, Ordered {

  static final String APPLICATION = "PATHWAYS_APP";
  static final String RETENTION = "PATHWAYS_RETENTION";

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE - 10;
  }

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    String url = property(environment, "spring.datasource.url");
    String owner = property(environment, "spring.datasource.username");
    if (url == null || !url.startsWith("jdbc:h2:") || owner == null
        || !environment.getProperty("pathways.database.embedded-accounts", Boolean.class, true)
        || property(environment, "pathways.database.owner.username") != null
        || owner.equalsIgnoreCase(APPLICATION)) {
      return;
    }
    String ownerPassword = environment.getProperty("spring.datasource.password", "");
    String applicationPassword = derivedPassword(APPLICATION, ownerPassword);
    String retentionPassword = derivedPassword(RETENTION, ownerPassword);
    try (Connection connection = DriverManager.getConnection(url, owner, ownerPassword);
        Statement sql = connection.createStatement()) {
      createUser(sql, APPLICATION, applicationPassword);
      createUser(sql, RETENTION, retentionPassword);
    } catch (SQLException e) {
      throw new StartupSettingException("The embedded database's user '" + owner + "' could not create the"
          + " application's own database accounts: " + e.getMessage(),
          "Connect as the embedded database's administrator (PATHWAYS_DB_USER, by default sa), or set"
              + " PATHWAYS_DB_OWNER_USER to the schema's owner.");
    }
    // The URL resolved once: a test's in-memory database named ${random.uuid} would otherwise differ at each read.
    // Without DB_CLOSE_DELAY, which only an administrator may set and the owner's connection above already did.
    environment.getPropertySources().addFirst(new MapPropertySource("pathways-embedded-database-accounts", Map.of(
        "spring.datasource.url", url.replaceAll("(?i);DB_CLOSE_DELAY=[^;]*", ""),
        "pathways.database.owner.username", owner,
        "pathways.database.owner.password", ownerPassword,
        "spring.datasource.username", APPLICATION,
        "spring.datasource.password", applicationPassword,
        "pathways.database.retention.username", RETENTION,
        "pathways.database.retention.password", retentionPassword)));
  }

  private static void createUser(Statement sql, String user, String password) throws SQLException {
    sql.execute("create user if not exists " + user + " password '" + password + "'");
    sql.execute("alter user " + user + " set password '" + password + "'");
  }

  private static String derivedPassword(String user, String ownerPassword) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(("partnership-pathways:" + user + ":" + ownerPassword).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String property(ConfigurableEnvironment environment, String name) {
    try {
      String value = environment.getProperty(name);
      return value == null || value.isBlank() ? null : value;
    } catch (IllegalArgumentException unresolved) {
      return null;
    }
  }
}

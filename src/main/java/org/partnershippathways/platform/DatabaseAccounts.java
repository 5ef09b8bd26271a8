package org.partnershippathways.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The database accounts besides the application's own ({@code spring.datasource.username}): the schema's owner, which
 * runs Liquibase and grants the application only what it needs, and the retention purge's account, the only one
 * allowed to delete ledger rows (docs/data-protection.md). Unset, the application's account does all three, as a
 * database created by hand would have it; the application then warns at start. On H2 they are set up by
 * {@link EmbeddedDatabaseAccounts}.
 */
@ConfigurationProperties("pathways.database")
public record DatabaseAccounts(Account owner, Account retention) {

  /** A database user and its password; blank when not configured. */
  public record Account(String username, String password) {

    public boolean isSet() {
      return username != null && !username.isBlank();
    }
  }

  public DatabaseAccounts {
    owner = owner == null ? new Account(null, null) : owner;
    retention = retention == null ? new Account(null, null) : retention;
  }

  /** The owner is an account of its own, not the application's: the grants are worth making. */
  public boolean ownerSeparateFrom(String applicationUser) {
    return owner.isSet() && !owner.username().equalsIgnoreCase(applicationUser);
  }
}

package org.partnershippathways.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import liquibase.exception.LiquibaseException;
import liquibase.integration.spring.SpringLiquibase;

/**
 * Liquibase as Spring Boot runs it, safe for several nodes starting at once on a new database. Liquibase's own
 * lock serialises changesets, but not the creation of its tracking tables: a second node can race to create
 * them, fail, and leave the lock held. So on PostgreSQL the whole update runs under a session advisory lock;
 * the next node waits for it, then finds everything applied. (H2 is embedded in one JVM; a JVM-wide lock does.)
 * After the update, still under the lock, the owner makes its {@link DatabaseGrants}.
 */
class ClusterSafeLiquibase extends SpringLiquibase {

  /** Any fixed number, the same on every node: "PP" + "schema". */
  static final long ADVISORY_LOCK_KEY = 0x5050_5343_4845_4d41L;
  private static final Object JVM_LOCK = new Object();

  private DatabaseGrants grants;

  /** The grants the schema's owner makes after every update; none when the application's account owns it. */
  void setGrants(DatabaseGrants grants) {
    this.grants = grants;
  }

  @Override
  public void afterPropertiesSet() throws LiquibaseException {
    synchronized (JVM_LOCK) {
      try (Connection connection = getDataSource().getConnection()) {
        boolean postgres = DatabaseKind.of(connection) == DatabaseKind.POSTGRES;
        if (postgres) {
          execute(connection, "select pg_advisory_lock(" + ADVISORY_LOCK_KEY + ")");
        }
        try {
          super.afterPropertiesSet();
          if (grants != null) {
            grants.apply(connection);
          }
        } finally {
          if (postgres) {
            execute(connection, "select pg_advisory_unlock(" + ADVISORY_LOCK_KEY + ")");
          }
        }
      } catch (SQLException e) {
        throw new LiquibaseException("Could not take the schema-update lock", e);
      }
    }
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}

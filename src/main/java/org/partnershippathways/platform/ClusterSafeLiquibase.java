package org.partnershippathways.platform;

import liquibase.exception.LiquibaseException;
import liquibase.integration.spring.SpringLiquibase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Liquibase as Spring Boot runs it, safe for several nodes starting at once on a new database: Liquibase's
 * lock table serialises the changesets, but two nodes can race to create the lock and changelog tables
 * themselves. The node that loses that race waits and tries again, then finds the schema made by the other.
 */
class ClusterSafeLiquibase extends SpringLiquibase {

  private static final Logger LOG = LoggerFactory.getLogger(ClusterSafeLiquibase.class);
  private static final int ATTEMPTS = 5;
  private static final long PAUSE_MILLIS = 2000;

  @Override
  public void afterPropertiesSet() throws LiquibaseException {
    for (int attempt = 1; ; attempt++) {
      try {
        super.afterPropertiesSet();
        return;
      } catch (LiquibaseException e) {
        if (attempt == ATTEMPTS || !isRaceOnTrackingTables(e)) {
          throw e;
        }
        LOG.info("Another node is creating the schema; trying again in {} ms ({})", PAUSE_MILLIS, attempt);
        pause();
      }
    }
  }

  private static boolean isRaceOnTrackingTables(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      String message = String.valueOf(cause.getMessage()).toUpperCase();
      if (message.contains("DATABASECHANGELOG") && message.contains("ALREADY EXISTS")
          || message.contains("DUPLICATE KEY") && message.contains("DATABASECHANGELOGLOCK")
          || message.contains("PG_TYPE_TYPNAME_NSP_INDEX")) {
        return true;
      }
    }
    return false;
  }

  private static void pause() throws LiquibaseException {
    try {
      Thread.sleep(PAUSE_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LiquibaseException("Interrupted while waiting for another node's schema update", e);
    }
  }
}

package org.partnershippathways.testsupport;

import org.springframework.test.context.ActiveProfilesResolver;

/**
 * Which database the integration tests run on: in-memory H2 by default, PostgreSQL when the system property
 * {@code pathways.test.database} is {@code postgres} (Maven's failsafe run for the PostgreSQL suite sets it).
 */
public class TestDatabase implements ActiveProfilesResolver {

  public static final String PROPERTY = "pathways.test.database";

  public static boolean isPostgres() {
    return "postgres".equals(System.getProperty(PROPERTY));
  }

  @Override
  public String[] resolve(Class<?> testClass) {
    return isPostgres() ? new String[] {"test", "postgres-test"} : new String[] {"test"};
  }
}

package org.partnershippathways.testsupport;

import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * On the test classpath, {@code camunda.cfg.xml} (the process tests' engine) is visible to the whole application.
 * The REST APIs look engines up through {@link ProcessEngines}, whose first lookup builds an engine from every
 * {@code camunda.cfg.xml} it finds and registers it as "default" in place of the application's engine: HTTP Basic
 * sign-in would then be checked against an empty in-memory database. This marks the registry as initialised
 * before the application starts, so that the application's engine stays the only one.
 */
public class OnlyTheApplicationsEngine extends ProcessEngines
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  @Override
  public void initialize(ConfigurableApplicationContext applicationContext) {
    markInitialized();
  }

  private static synchronized void markInitialized() {
    isInitialized = true;
  }
}

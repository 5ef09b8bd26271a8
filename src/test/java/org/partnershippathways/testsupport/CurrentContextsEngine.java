package org.partnershippathways.testsupport;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * The engine REST API finds its engine by name in the static {@link ProcessEngines} registry, where the last
 * started application's engine is "default". Spring keeps several test applications (one per configuration) alive
 * at once; before a test class runs, its own application's engine is made the registered one again, so that HTTP
 * sign-in and REST calls reach the database that test's data is in.
 */
public class CurrentContextsEngine implements TestExecutionListener {

  @Override
  public void beforeTestClass(TestContext testContext) {
    if (testContext.hasApplicationContext() || isSpringBootTest(testContext)) {
      testContext.getApplicationContext().getBeanProvider(ProcessEngine.class)
          .ifAvailable(ProcessEngines::registerProcessEngine);
    }
  }

  private static boolean isSpringBootTest(TestContext testContext) {
    return testContext.getTestClass().isAnnotationPresent(PathwaysIntegrationTest.class);
  }
}

package org.partnershippathways.testsupport;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;

/** Camunda's mock expression manager, plus fixed beans that every process test needs (the working-day calendar). */
class ProcessTestExpressionManager extends MockExpressionManager {

  ProcessTestExpressionManager(Map<String, Object> fixedBeans) {
    this.beans = new HashMap<>(fixedBeans);
  }
}

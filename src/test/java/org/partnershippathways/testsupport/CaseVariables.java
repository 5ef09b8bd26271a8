package org.partnershippathways.testsupport;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;

/** The named variables of a case's running processes (the pathway and the processes it called). */
public final class CaseVariables {

  private CaseVariables() {
  }

  public static Map<String, Object> of(RuntimeService runtime, String caseId, String... names) {
    Map<String, Object> found = new HashMap<>();
    for (var instance : runtime.createProcessInstanceQuery().variableValueEquals("caseId", caseId).list()) {
      for (String name : names) {
        Object value = runtime.getVariable(instance.getId(), name);
        if (value != null) {
          found.put(name, value);
        }
      }
    }
    return found;
  }
}

package org.partnershippathways.actions;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_LoadAction}: owner, due date and description of the action into the tracking instance. */
@Component("loadAction")
record LoadActionDelegate(ActionTracking tracking) implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariables(tracking.load((String) execution.getVariable("actionId"),
        execution.getProcessInstanceId()));
  }
}

package org.partnershippathways.actions;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_LoadAction}: owner, due date and description of the action into the tracking instance; the
 * owning agency is e-mailed when the action is new to it ({@code assignmentNotifiedTo}: the agency told last).
 */
@Component("loadAction")
record LoadActionDelegate(ActionTracking tracking) implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    String actionId = (String) execution.getVariable("actionId");
    execution.setVariables(tracking.load(actionId, execution.getProcessInstanceId()));
    execution.setVariable("assignmentNotifiedTo",
        tracking.tellOwnerIfNew(actionId, execution.getVariable("assignmentNotifiedTo")));
  }
}

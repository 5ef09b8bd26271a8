package org.partnershippathways.actions;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.partnershippathways.security.CurrentUser;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_CloseAction}: the outcome from the task form closes the action in our table. */
@Component("closeAction")
record CloseActionDelegate(ActionTracking tracking) implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    tracking.close((String) execution.getVariable("actionId"), execution.getVariable("actionOutcome"),
        execution.getVariable("outcomeReason"), CurrentUser.actingIn(execution));
  }
}

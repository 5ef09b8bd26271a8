package org.partnershippathways.actions;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_EscalateTo...}: raises the action's escalation level (input parameter escalationLevel) and
 * e-mails the group it escalates to (through the outbox, see {@code ActionTracking#escalate}).
 */
@Component("escalateAction")
record EscalateActionDelegate(ActionTracking tracking) implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    int level = ((Number) execution.getVariableLocal("escalationLevel")).intValue();
    tracking.escalate((String) execution.getVariable("actionId"), level);
    execution.setVariable("actionEscalationLevel", level);
  }
}

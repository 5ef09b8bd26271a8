package org.partnershippathways.actions;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_CloseAction}: the outcome from the task form closes the action in our table. */
@Component("closeAction")
class CloseActionDelegate implements JavaDelegate {

  private final ActionTracking tracking;
  private final IdentityService identityService;

  CloseActionDelegate(ActionTracking tracking, IdentityService identityService) {
    this.tracking = tracking;
    this.identityService = identityService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Authentication user = identityService.getCurrentAuthentication();
    tracking.close((String) execution.getVariable("actionId"), execution.getVariable("actionOutcome"),
        execution.getVariable("outcomeReason"), user == null ? "system" : user.getUserId());
  }
}

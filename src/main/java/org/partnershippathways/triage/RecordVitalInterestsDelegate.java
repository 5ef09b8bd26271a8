package org.partnershippathways.triage;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.partnershippathways.security.CurrentUser;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_RecordVitalInterests} in the statutory step-up: the lawful basis for the notifications. */
@Component("recordVitalInterests")
record RecordVitalInterestsDelegate(VitalInterestsBasis basis) implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    basis.recordVitalInterests((String) execution.getVariable("caseId"), CurrentUser.actingIn(execution));
  }
}

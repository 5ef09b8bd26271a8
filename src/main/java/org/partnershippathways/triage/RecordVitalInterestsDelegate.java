package org.partnershippathways.triage;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.partnershippathways.security.CurrentUser;

/** {@code ServiceTask_RecordVitalInterests} in the statutory step-up: the lawful basis for the notifications. */
public class RecordVitalInterestsDelegate implements JavaDelegate {

  private final VitalInterestsBasis basis;

  public RecordVitalInterestsDelegate(VitalInterestsBasis basis) {
    this.basis = basis;
  }

  @Override
  public void execute(DelegateExecution execution) {
    basis.recordVitalInterests((String) execution.getVariable("caseId"), CurrentUser.actingIn(execution));
  }
}

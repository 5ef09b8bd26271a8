package org.partnershippathways.triage;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** {@code ServiceTask_RecordVitalInterests} in the statutory step-up: the lawful basis for the notifications. */
public class RecordVitalInterestsDelegate implements JavaDelegate {

  private final VitalInterestsBasis basis;

  public RecordVitalInterestsDelegate(VitalInterestsBasis basis) {
    this.basis = basis;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Authentication authentication = execution.getProcessEngineServices().getIdentityService()
        .getCurrentAuthentication();
    basis.recordVitalInterests((String) execution.getVariable("caseId"),
        authentication != null ? authentication.getUserId() : null);
  }
}

package org.partnershippathways.triage;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** {@code Task_StatutorySafeguardingReferral} on complete: social care accepts or declines, and says why. */
@Component("statutoryReferralCheck")
class StatutoryReferralCheck implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    Object decision = task.getVariable("statutoryReferralDecision");
    if (!"ACCEPTED".equals(decision) && !"DECLINED".equals(decision)) {
      throw new ProcessEngineException("Accept the case for statutory action or decline it (was " + decision + ").");
    }
    Object reason = task.getVariable("statutoryDecisionReason");
    if (reason == null || reason.toString().isBlank()) {
      throw new ProcessEngineException("Give the reason for the statutory referral decision.");
    }
  }
}

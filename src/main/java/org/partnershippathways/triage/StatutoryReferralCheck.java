package org.partnershippathways.triage;

import org.partnershippathways.platform.InvalidTaskInput;
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
      throw InvalidTaskInput.of("statutoryReferralDecision", "must say whether you accept the case for statutory"
          + " action or decline it");
    }
    Object reason = task.getVariable("statutoryDecisionReason");
    if (reason == null || reason.toString().isBlank()) {
      throw InvalidTaskInput.of("statutoryDecisionReason", "is needed: say why you accept or decline the case");
    }
  }
}

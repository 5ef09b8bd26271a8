package org.partnershippathways.triage;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code Task_EscalatedStatutoryReferral} on complete: the social care manager or the out-of-hours duty officer says
 * what they did to get the overdue referral decided ({@code referralEscalationNote}).
 */
@Component("referralEscalationCheck")
class ReferralEscalationCheck implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    RequiredNote.check(task, "referralEscalationNote", "is needed: say what you did to get the referral decided"
        + " (whom you reached, and when)");
  }
}

package org.partnershippathways.withdrawal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_TellAgencyOfWithdrawal} (end): when the agency's system accepted the notice of withdrawal, its
 * reference acknowledges the notice ({@code consent_withdrawal_notice}). A refusal ends the task towards the
 * coordinator's {@code Task_ResolveRejectedWithdrawalNotification}, and the notice stays unacknowledged.
 */
@Component("tellAgencyOfWithdrawal")
record TellAgencyOfWithdrawalListener(WithdrawalTable records) implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    Object reference = execution.getVariableLocal("partnerReference");
    if (reference == null) {
      return; // refused (the task ends towards the coordinator's task): not acknowledged
    }
    records.told((String) execution.getVariable("withdrawalId"), (String) execution.getVariable("agency"),
        WithdrawalTable.ACKNOWLEDGED, reference.toString(), null,
        ClockUtil.getCurrentTime().toInstant());
  }
}

package org.partnershippathways.withdrawal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.partnershippathways.platform.FormValues;
import org.partnershippathways.platform.InvalidTaskInput;
import org.springframework.stereotype.Component;

/**
 * The acknowledgement of each notice of withdrawal ({@code consent_withdrawal_notice}): the partner's reference when
 * its system accepted it ({@code ServiceTask_TellAgencyOfWithdrawal} on end), or how a coordinator told an agency
 * whose system refused it ({@code Task_ResolveRejectedWithdrawalNotification} on complete): the listener
 * {@code ${withdrawalNotices}} of both.
 */
@Component("withdrawalNotices")
class WithdrawalNotices implements ExecutionListener, TaskListener {

  private final WithdrawalTable records;

  WithdrawalNotices(WithdrawalTable records) {
    this.records = records;
  }

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

  @Override
  public void notify(DelegateTask task) {
    String how = FormValues.text(task.getVariable("notificationResolution"));
    if (how == null) {
      throw InvalidTaskInput.of("notificationResolution", "is needed: say how you told the agency");
    }
    records.told((String) task.getVariable("withdrawalId"), (String) task.getVariable("agency"),
        WithdrawalTable.TOLD_ANOTHER_WAY, null, how, ClockUtil.getCurrentTime().toInstant());
  }
}

package org.partnershippathways.withdrawal;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.partnershippathways.platform.FormValues;
import org.partnershippathways.platform.InvalidTaskInput;
import org.springframework.stereotype.Component;

/**
 * {@code Task_ResolveRejectedWithdrawalNotification} (complete): the coordinator says how they told the agency whose
 * system refused the notice of withdrawal ({@code notificationResolution}, required), which settles the notice
 * ({@code consent_withdrawal_notice}) as told another way.
 */
@Component("resolveRejectedWithdrawalNotification")
record ResolveRejectedWithdrawalNotificationListener(WithdrawalTable records) implements TaskListener {

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

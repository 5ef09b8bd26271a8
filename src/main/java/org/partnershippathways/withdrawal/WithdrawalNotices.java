package org.partnershippathways.withdrawal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code ${withdrawalNotices}}, the one listener that earlier versions of {@code consent-withdrawal} name on both
 * {@code ServiceTask_TellAgencyOfWithdrawal} and {@code Task_ResolveRejectedWithdrawalNotification}, before each
 * step had a listener named after it. The shipped model calls each step's own listener; a case still
 * running on such a version calls this name until it finishes or is moved to a newer version
 * (docs/process-change.md), so it hands each event to that step's listener. Remove it when no such case is left.
 */
@Component("withdrawalNotices")
record WithdrawalNotices(TellAgencyOfWithdrawalListener tellAgency,
    ResolveRejectedWithdrawalNotificationListener resolveRejected) implements ExecutionListener, TaskListener {

  @Override
  public void notify(DelegateExecution execution) {
    tellAgency.notify(execution);
  }

  @Override
  public void notify(DelegateTask task) {
    resolveRejected.notify(task);
  }
}

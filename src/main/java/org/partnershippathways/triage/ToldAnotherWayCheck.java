package org.partnershippathways.triage;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code Task_ResolveRejectedPoliceNotification} and {@code Task_ResolveRejectedSocialCareNotification} on complete:
 * the coordinator says how the agency whose system refused the immediate-risk notification was told
 * ({@code notificationResolution}).
 */
@Component("toldAnotherWayCheck")
class ToldAnotherWayCheck implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    RequiredNote.check(task, "notificationResolution", "is needed: say how you told the agency of the immediate"
        + " risk");
  }
}

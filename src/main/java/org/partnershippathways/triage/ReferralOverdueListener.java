package org.partnershippathways.triage;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.partnershippathways.notifications.Notifications;
import org.springframework.stereotype.Component;

/**
 * {@code Task_EscalatedStatutoryReferral} on create: the statutory referral of an immediate risk was not decided in
 * time; the task's candidate groups (the social care managers and the out-of-hours duty team) are e-mailed.
 */
@Component("referralOverdue")
record ReferralOverdueListener(Notifications notifications) implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    List<String> groups = task.getCandidates().stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId).distinct().toList();
    notifications.statutoryReferralOverdue((String) task.getVariable("caseId"), groups);
  }
}

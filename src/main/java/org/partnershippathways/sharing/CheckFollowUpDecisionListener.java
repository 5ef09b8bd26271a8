package org.partnershippathways.sharing;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** The missing reply's follow-up task on complete: the decision is one of {@link FollowUpDecision}. */
@Component("checkFollowUpDecision")
record CheckFollowUpDecisionListener(InformationRequests requests) implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    requests.checkDecision(task, "followUpDecision", FollowUpDecision.class);
  }
}

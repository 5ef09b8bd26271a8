package org.partnershippathways.sharing;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** The rejected request's task on complete: the decision is one of {@link RejectionDecision}. */
@Component("checkRejectionDecision")
record CheckRejectionDecisionListener(InformationRequests requests) implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    requests.checkDecision(task, "rejectionDecision", RejectionDecision.class);
  }
}

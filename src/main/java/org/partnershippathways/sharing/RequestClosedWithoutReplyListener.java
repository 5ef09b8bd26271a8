package org.partnershippathways.sharing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** No reply after the reminder and the follow-up: the coordinator went on without it. */
@Component("requestClosedWithoutReply")
record RequestClosedWithoutReplyListener(InformationRequests requests) implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    requests.closedWithoutReply(execution);
  }
}

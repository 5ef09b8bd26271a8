package org.partnershippathways.sharing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** The request to the agency was sent (again): it waits for a reply. */
@Component("requestSent")
record RequestSentListener(InformationRequests requests) implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    requests.sent(execution);
  }
}

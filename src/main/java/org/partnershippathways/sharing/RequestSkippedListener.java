package org.partnershippathways.sharing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** The agency rejected the request and the coordinator skipped it. */
@Component("requestSkipped")
record RequestSkippedListener(InformationRequests requests) implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    requests.skipped(execution);
  }
}

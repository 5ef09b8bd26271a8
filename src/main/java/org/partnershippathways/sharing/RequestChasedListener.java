package org.partnershippathways.sharing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** A reminder was sent to the agency. */
@Component("requestChased")
record RequestChasedListener(InformationRequests requests) implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    requests.chased(execution);
  }
}

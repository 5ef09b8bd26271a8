package org.partnershippathways.sharing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_SummariseResponses}: one line per agency asked, for the coordinator's review. */
@Component("summariseResponses")
record SummariseResponsesDelegate(InformationRequests requests) implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    requests.summarise(execution);
  }
}

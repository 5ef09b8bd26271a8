package org.partnershippathways.sharing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * {@code BusinessRuleTask_ChooseAgencies} (end): the agencies the routing decision named become
 * {@code agenciesToAsk}.
 */
@Component("chooseAgencies")
record ChooseAgenciesListener(InformationRequests requests) implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    requests.chooseAgencies(execution);
  }
}

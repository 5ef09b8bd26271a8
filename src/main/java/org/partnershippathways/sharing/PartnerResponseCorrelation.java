package org.partnershippathways.sharing;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
import org.springframework.stereotype.Component;

/**
 * The information-sharing process waits for message {@code PartnerResponse} once per agency asked: the process
 * variable {@code caseId} and the variable {@code agency} of the agency's subprocess instance say which wait a
 * reply belongs to. The wait itself sits in a child execution of that subprocess (an event-based gateway is a
 * scope), so the agency is looked up through the execution's parents, and the message is delivered to that
 * execution.
 */
@Component
record PartnerResponseCorrelation(RuntimeService runtime) {

  public static final String MESSAGE = "PartnerResponse";

  public boolean isWaiting(String caseId, String agency) {
    return !waitingExecutions(caseId, agency).isEmpty();
  }

  /** Delivers the reply to every wait for it (normally one); returns how many. */
  public int correlate(String caseId, String agency) {
    List<String> executions = waitingExecutions(caseId, agency);
    executions.forEach(executionId -> runtime.messageEventReceived(MESSAGE, executionId));
    return executions.size();
  }

  private List<String> waitingExecutions(String caseId, String agency) {
    return runtime.createExecutionQuery()
        .messageEventSubscriptionName(MESSAGE)
        .processVariableValueEquals("caseId", caseId)
        .list().stream()
        .map(Execution::getId)
        .filter(executionId -> agency.equals(agencyOf(executionId)))
        .toList();
  }

  /** Null when the execution ended since the query, for example because another agency's reply arrived. */
  private Object agencyOf(String executionId) {
    try {
      return runtime.getVariable(executionId, "agency");
    } catch (ProcessEngineException e) {
      return null;
    }
  }
}

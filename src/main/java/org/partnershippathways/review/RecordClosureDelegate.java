package org.partnershippathways.review;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.partnershippathways.cases.Cases;
import org.springframework.stereotype.Component;

/**
 * Records how the case ended ({@code ServiceTask_RecordClosure} and the other closing service tasks): the
 * outcome code, who, when; the case becomes CLOSED, or STEPPED_UP.
 */
@Component("recordClosure")
public record RecordClosureDelegate(ReviewTable reviews, Cases cases) implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    Object value = execution.getVariable("closureOutcome");
    ClosureOutcome outcome;
    try {
      outcome = ClosureOutcome.valueOf(String.valueOf(value));
    } catch (IllegalArgumentException e) {
      throw new ProcessEngineException("No closure outcome to record (closureOutcome = " + value + ")");
    }
    String caseId = (String) execution.getVariable("caseId");
    var now = ClockUtil.getCurrentTime().toInstant();
    reviews.insertClosure(caseId, outcome, (String) execution.getVariable("closureNotes"),
        (String) execution.getVariable("closedBy"), now);
    cases.close(caseId, outcome.caseStatus(), outcome.name(), now);
    execution.getProcessInstance().setVariable("closureOutcome", outcome.name());
  }
}

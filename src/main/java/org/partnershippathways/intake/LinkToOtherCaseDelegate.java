package org.partnershippathways.intake;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.partnershippathways.cases.Cases;
import org.partnershippathways.cases.OpenCase;
import org.partnershippathways.cases.RecordedConcern;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_LinkToOtherCase}: the coordinator found the case to be about the person of another open case.
 * Its concerns join that case, whose coordinators review each as a further concern; the case then closes as a
 * DUPLICATE ({@code ServiceTask_RecordDuplicateClosure}).
 */
@Component("linkToOtherCase")
record LinkToOtherCaseDelegate(Cases cases, ConcernIntake intake) implements JavaDelegate {

  /** The closure outcome of a case linked to another (review.ClosureOutcome.DUPLICATE). */
  static final String DUPLICATE = "DUPLICATE";

  @Override
  public void execute(DelegateExecution execution) {
    String caseId = (String) execution.getVariable("caseId");
    String otherCaseId = (String) execution.getVariable(PathwayProcess.POSSIBLE_DUPLICATE_CASE_ID);
    OpenCase other = cases.openCase(otherCaseId).orElseThrow(() -> new ProcessEngineException("Case "
        + execution.getVariable(PathwayProcess.POSSIBLE_DUPLICATE_OF) + " has closed since: the cases cannot be "
        + "linked. Keep them apart, and say so in the reason."));
    for (RecordedConcern concern : cases.moveConcerns(caseId, otherCaseId)) {
      intake.tellTheOpenCase(other, concern);
    }
  }
}

package org.partnershippathways.intake;

import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.partnershippathways.platform.InvalidRequestException;
import org.partnershippathways.security.Agency;
import org.partnershippathways.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * {@code Task_RegisterConcern}: a concern from the Tasklist start form goes through intake like one raised over the
 * API. A case started by intake itself is registered already (it has a {@code caseId}).
 */
@Component("registerConcern")
public class RegisterConcernDelegate implements JavaDelegate {

  private final ConcernIntake intake;

  public RegisterConcernDelegate(ConcernIntake intake) {
    this.intake = intake;
  }

  @Override
  public void execute(DelegateExecution execution) {
    if (execution.getVariable("caseId") != null) {
      defaultsForARegisteredCase(execution);
      return;
    }
    try {
      intake.raiseFromStartForm(StartForm.read(execution.getVariables()), CurrentUser.actingIn(execution),
          execution);
    } catch (InvalidRequestException e) {
      throw new ProcessEngineException("The concern cannot be registered: " + e.problems().stream()
          .map(problem -> problem.field() + " " + problem.message()).collect(Collectors.joining("; ")));
    }
  }

  /**
   * A case registered before its process started (our API, or demo data) may lack variables that only the
   * pathway's later gateways read.
   */
  static void defaultsForARegisteredCase(DelegateExecution execution) {
    setIfMissing(execution, "joinedExistingCase", false);
    setIfMissing(execution, "meetingRound", 0);
    setIfMissing(execution, "earlierConcerns", 0);
    Object agency = execution.getVariable("referrerAgency");
    setIfMissing(execution, "referrerIsPartner", agency != null && Agency.ofGroupId(agency.toString()).isPresent());
  }

  private static void setIfMissing(DelegateExecution execution, String name, Object value) {
    if (!execution.hasVariable(name)) {
      execution.setVariable(name, value);
    }
  }
}

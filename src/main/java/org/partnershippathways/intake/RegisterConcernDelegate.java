package org.partnershippathways.intake;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.partnershippathways.platform.InvalidRequestException;
import org.partnershippathways.platform.InvalidTaskInput;
import org.partnershippathways.security.Agency;
import org.partnershippathways.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_RegisterConcern}: a concern from the Tasklist start form goes through intake like one raised
 * over the API. A case started by intake itself is registered already (it has a {@code caseId}); nobody else can
 * start the pathway with one ({@link PathwayStartGuard}).
 */
@Component("registerConcern")
record RegisterConcernDelegate(ConcernIntake intake) implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    if (execution.getVariable("caseId") != null) {
      defaultsForARegisteredCase(execution);
      return;
    }
    ConcernRequest concern = StartForm.read(execution.getVariables());
    // the person's details now live in our tables only (and platform.PersonalFieldsOutOfHistory keeps them out of history)
    execution.removeVariables(StartForm.PERSONAL_FIELDS);
    try {
      intake.raiseFromStartForm(concern, CurrentUser.actingIn(execution), execution);
    } catch (InvalidRequestException e) {
      // answered 400 by the engine's REST API (submit-form), with the fields named
      throw new InvalidTaskInput(StartForm.labelled(e.problems()));
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
    setIfMissing(execution, PathwayProcess.POSSIBLE_DUPLICATE_OF, null);
    Object agency = execution.getVariable("referrerAgency");
    setIfMissing(execution, "referrerIsPartner", agency != null && Agency.ofGroupId(agency.toString()).isPresent());
  }

  private static void setIfMissing(DelegateExecution execution, String name, Object value) {
    if (!execution.hasVariable(name)) {
      execution.setVariable(name, value);
    }
  }
}

package org.partnershippathways.withdrawal;

import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.partnershippathways.platform.ConflictException;
import org.partnershippathways.platform.FormValues;
import org.partnershippathways.platform.InvalidRequestException;
import org.partnershippathways.platform.InvalidTaskInput;
import org.partnershippathways.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_RecordWithdrawal}, the first step of {@code consent-withdrawal}, however it was started (the
 * Tasklist form "Record a withdrawal of consent" or {@code POST /api/cases/{caseId}/consent-withdrawal}): records
 * the withdrawal ({@link ConsentWithdrawals}) and sets {@code caseId}, {@code withdrawalId} and
 * {@code agenciesToTell}, and {@code consentOutcome} {@code WITHDRAWN} for the Caldicott guardian's task that
 * follows (whether a lawful basis lets sharing go on without consent). A problem stops the start with the field
 * named.
 */
@Component("recordWithdrawal")
record RecordWithdrawalDelegate(ConsentWithdrawals withdrawals, WithdrawalTable records) implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    String reference = FormValues.text(execution.getVariable("caseReference"));
    String caseId = reference == null ? null : records.caseIdOfReference(reference, execution.getTenantId())
        .orElse(null);
    if (caseId == null) {
      throw InvalidTaskInput.of("caseReference", "is not the reference of a case (such as PP-2026-000123)");
    }
    String actor = CurrentUser.actingIn(execution);
    Object recordedBy = execution.getVariable("recordedBy");
    if (CurrentUser.SYSTEM.equals(actor) && recordedBy != null) {
      actor = recordedBy.toString(); // started by our API as the application, for the signed-in coordinator
    }
    String withdrawnBy = FormValues.text(execution.getVariable("withdrawnBy"));
    String notes = FormValues.text(execution.getVariable("withdrawalNotes"));
    execution.removeVariables(WithdrawalFormPersonalFields.NAMES); // they live in consent_withdrawal only
    ConsentWithdrawals.Recorded recorded;
    try {
      recorded = withdrawals.record(caseId, withdrawnBy, notes, actor);
    } catch (InvalidRequestException e) {
      throw new InvalidTaskInput(e.problems());
    } catch (ConflictException e) {
      throw InvalidTaskInput.of("caseReference", e.getMessage());
    }
    execution.setVariable("caseId", caseId);
    execution.setVariable("consentOutcome", "WITHDRAWN"); // for the Caldicott guardian's decision that follows
    execution.setVariable("withdrawalId", recorded.withdrawalId());
    execution.setVariable("requestsEnded", recorded.requestsEnded());
    execution.setVariable("agenciesToTell", Variables.objectValue(new ArrayList<>(recorded.agenciesToTell()))
        .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
  }
}

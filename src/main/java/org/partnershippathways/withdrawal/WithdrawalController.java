package org.partnershippathways.withdrawal;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.partnershippathways.consent.SharingDecisions;
import org.partnershippathways.accesslog.CaseAccessLog;
import org.partnershippathways.accesslog.WhatWasRead;
import org.partnershippathways.platform.ConflictException;
import org.partnershippathways.platform.FieldProblem;
import org.partnershippathways.platform.ForbiddenException;
import org.partnershippathways.platform.InvalidRequestException;
import org.partnershippathways.platform.NotFoundException;
import org.partnershippathways.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Coordinators and managers record that the person withdrew consent, and see every withdrawal of a case with each
 * agency's acknowledgement. The withdrawal goes through the same process as the Tasklist form
 * ({@code consent-withdrawal}), which records it at once and then tells every agency that received data.
 */
@RestController
record WithdrawalController(WithdrawalTable records, SharingDecisions decisions, RuntimeService runtime,
    CurrentUser currentUser, CaseAccessLog accessLog) {

  static final String PROCESS = "consent-withdrawal";

  @PostMapping("/api/cases/{caseId}/consent-withdrawal")
  ResponseEntity<Map<String, Object>> withdraw(@PathVariable String caseId,
      @RequestBody(required = false) WithdrawalRequest request) {
    requireCoordinatorOrManager();
    String reference = records.referenceOfCase(caseId).orElseThrow(() -> new NotFoundException("No case " + caseId));
    String withdrawnBy = request == null ? null : request.withdrawnBy();
    String notes = request == null ? null : request.notes();
    List<FieldProblem> problems = ConsentWithdrawals.problems(withdrawnBy, notes);
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    if (!decisions.consentInForce(caseId)) {
      throw new ConflictException("No consent is in force for this case, so there is none to withdraw (sharing on"
          + " a lawful basis without consent is decided by a Caldicott guardian)");
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put("caseReference", reference);
    variables.put("caseId", caseId); // the withdrawal belongs to its case's partnership (PartnershipOfInstance)
    variables.put("withdrawnBy", withdrawnBy);
    variables.put("withdrawalNotes", notes);
    variables.put("recordedBy", currentUser.requireUserId());
    // the caller's role was checked above; the process is the application's, started as the system
    ProcessInstanceWithVariables started = currentUser.asSystem(() -> runtime.createProcessInstanceByKey(PROCESS)
        .businessKey(reference).setVariables(variables).executeWithVariablesInReturn());
    Map<String, Object> receipt = new LinkedHashMap<>();
    receipt.put("withdrawalId", started.getVariables().get("withdrawalId"));
    receipt.put("caseReference", reference);
    receipt.put("agenciesToTell", started.getVariables().get("agenciesToTell"));
    receipt.put("requestsEnded", started.getVariables().get("requestsEnded"));
    return ResponseEntity.status(HttpStatus.CREATED).body(receipt);
  }

  @GetMapping("/api/cases/{caseId}/consent-withdrawals")
  List<WithdrawalTable.Withdrawal> ofCase(@PathVariable String caseId) {
    requireCoordinatorOrManager();
    records.referenceOfCase(caseId).orElseThrow(() -> new NotFoundException("No case " + caseId));
    List<WithdrawalTable.Withdrawal> withdrawals = records.ofCase(caseId);
    if (!withdrawals.isEmpty()) {
      accessLog.record(caseId, WhatWasRead.CONSENT_WITHDRAWALS);
    }
    return withdrawals;
  }

  private void requireCoordinatorOrManager() {
    if (!currentUser.isCoordinator() && !currentUser.isManager()) {
      throw new ForbiddenException("Only coordinators and managers may record or read withdrawals of consent");
    }
  }
}

package org.partnershippathways.withdrawal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.partnershippathways.consent.SharingDecisions;
import org.partnershippathways.partners.DisclosureRecipients;
import org.partnershippathways.platform.ConflictException;
import org.partnershippathways.platform.FieldProblem;
import org.partnershippathways.platform.InvalidRequestException;
import org.partnershippathways.platform.TextRules;
import org.partnershippathways.security.Agency;
import org.partnershippathways.sharing.PendingRequests;
import org.springframework.stereotype.Service;

/**
 * A person's withdrawal of consent, in one transaction: the withdrawal supersedes every sharing decision in force
 * (nothing more is disclosed from this moment), the requests still waiting for partners end with the reason, and
 * every agency that received data about the person (the disclosure audit) is put on the list to be told.
 */
@Service
class ConsentWithdrawals {

  record Recorded(String withdrawalId, String caseId, List<String> agenciesToTell, int requestsEnded) {
  }

  private final SharingDecisions decisions;
  private final PendingRequests pending;
  private final DisclosureRecipients recipients;
  private final WithdrawalTable records;

  ConsentWithdrawals(SharingDecisions decisions, PendingRequests pending, DisclosureRecipients recipients,
      WithdrawalTable records) {
    this.decisions = decisions;
    this.pending = pending;
    this.recipients = recipients;
    this.records = records;
  }

  /** What is wrong with the fields of a withdrawal (the API's and the form's), in plain words. */
  static List<FieldProblem> problems(String withdrawnBy, String notes) {
    List<FieldProblem> problems = new ArrayList<>();
    if (withdrawnBy == null || withdrawnBy.isBlank()) {
      problems.add(new FieldProblem("withdrawnBy", "is required: who withdrew consent, and how (e.g. the person, by"
          + " phone to the hub)"));
    } else if (withdrawnBy.length() > 255) {
      problems.add(new FieldProblem("withdrawnBy", "is longer than 255 characters"));
    } else {
      TextRules.problemOfLine(withdrawnBy).ifPresent(problem -> problems.add(new FieldProblem("withdrawnBy",
          problem)));
    }
    if (notes != null && notes.length() > 2000) {
      problems.add(new FieldProblem("notes", "is longer than 2000 characters"));
    } else if (notes != null && !notes.isBlank()) {
      TextRules.problemOfText(notes).ifPresent(problem -> problems.add(new FieldProblem("notes", problem)));
    }
    return problems;
  }

  Recorded record(String caseId, String withdrawnBy, String notes, String recordedBy) {
    List<FieldProblem> problems = problems(withdrawnBy, notes);
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    String decisionId = decisions.recordWithdrawal(caseId, withdrawnBy.strip(), recordedBy)
        .orElseThrow(() -> new ConflictException("No consent is in force for this case, so there is none to"
            + " withdraw (sharing on a lawful basis without consent is decided by a Caldicott guardian)"));
    int ended = pending.endBecauseConsentWithdrawn(caseId);
    List<String> agencies = recipients.of(caseId).stream().map(Agency::groupId).toList();
    Instant now = ClockUtil.getCurrentTime().toInstant();
    String id = records.insert(caseId, withdrawnBy.strip(), notes == null || notes.isBlank() ? null : notes.strip(),
        decisionId, ended, recordedBy, now, agencies);
    return new Recorded(id, caseId, agencies, ended);
  }
}

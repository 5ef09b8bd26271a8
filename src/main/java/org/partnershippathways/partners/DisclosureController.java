package org.partnershippathways.partners;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.partnershippathways.accesslog.CaseAccessLog;
import org.partnershippathways.accesslog.WhatWasRead;
import org.partnershippathways.platform.FieldProblem;
import org.partnershippathways.platform.ForbiddenException;
import org.partnershippathways.platform.InvalidRequestException;
import org.partnershippathways.platform.RequestedPeriod;
import org.partnershippathways.security.Agency;
import org.partnershippathways.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The disclosure audit for pathway managers (the Caldicott guardians): what went to which partner, why, and when. */
@RestController
record DisclosureController(DisclosureAuditTable audit, LedgerVerification ledger, CurrentUser currentUser,
    CaseAccessLog accessLog) {

  private static final int MAX_ROWS = 1000;

  /** Recomputes the ledger's hash chain: intact, or the first broken link named (docs/data-protection.md). */
  @GetMapping("/api/disclosures/verification")
  LedgerVerification.Verification verification() {
    requireManager();
    return ledger.verify();
  }

  @GetMapping("/api/cases/{caseId}/disclosures")
  List<DisclosureAuditTable.Disclosure> forCase(@PathVariable String caseId) {
    requireManager();
    List<DisclosureAuditTable.Disclosure> disclosures = audit.forCase(caseId);
    if (!disclosures.isEmpty()) {
      accessLog.record(caseId, WhatWasRead.CASE_DISCLOSURES);
    }
    return disclosures;
  }

  /**
   * Disclosures from {@code from} (inclusive) to {@code to} (exclusive), newest first, at most 1000. Dates
   * ({@code 2026-11-01}) mean the start of that day in London; instants ({@code 2026-11-01T09:00:00Z}) are taken as
   * they are. Default: the last 30 days.
   */
  @GetMapping("/api/disclosures")
  List<DisclosureAuditTable.Disclosure> between(@RequestParam(required = false) String agency,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
    requireManager();
    List<FieldProblem> problems = new ArrayList<>();
    if (agency != null && !agency.isBlank() && Agency.ofGroupId(agency).isEmpty()) {
      problems.add(new FieldProblem("agency", "must be one of police, health, social-care, voluntary"));
    }
    RequestedPeriod period = RequestedPeriod.of(from, to, Duration.ofDays(30), problems);
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    List<DisclosureAuditTable.Disclosure> disclosures = audit.between(currentUser.partnerships(), agency == null || agency.isBlank() ? null
        : agency, period.start(), period.end(), MAX_ROWS);
    accessLog.recordAll(disclosures.stream().map(DisclosureAuditTable.Disclosure::caseId).toList(),
        WhatWasRead.DISCLOSURES_LIST);
    return disclosures;
  }

  private void requireManager() {
    if (!currentUser.isManager()) {
      throw new ForbiddenException("Only pathway managers may read the disclosure audit");
    }
  }
}

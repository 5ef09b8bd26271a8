package org.partnershippathways.partners;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.partnershippathways.accesslog.CaseAccessLog;
import org.partnershippathways.accesslog.WhatWasRead;
import org.partnershippathways.platform.FieldProblem;
import org.partnershippathways.platform.ForbiddenException;
import org.partnershippathways.platform.InvalidRequestException;
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

  private static final ZoneId LONDON = ZoneId.of("Europe/London");
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
    Instant end = parse("to", to, Instant.now(), problems);
    Instant start = parse("from", from, end.minus(Duration.ofDays(30)), problems);
    if (problems.isEmpty() && !start.isBefore(end)) {
      problems.add(new FieldProblem("from", "must be before 'to'"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    List<DisclosureAuditTable.Disclosure> disclosures = audit.between(agency == null || agency.isBlank() ? null
        : agency, start, end, MAX_ROWS);
    accessLog.recordAll(disclosures.stream().map(DisclosureAuditTable.Disclosure::caseId).toList(),
        WhatWasRead.DISCLOSURES_LIST);
    return disclosures;
  }

  private void requireManager() {
    if (!currentUser.isManager()) {
      throw new ForbiddenException("Only pathway managers may read the disclosure audit");
    }
  }

  private static Instant parse(String field, String value, Instant fallback, List<FieldProblem> problems) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(LONDON).toInstant() : Instant.parse(value);
    } catch (DateTimeParseException e) {
      problems.add(new FieldProblem(field, "must be a date (2026-11-01) or an instant (2026-11-01T09:00:00Z)"));
      return fallback;
    }
  }
}

package org.partnershippathways.caseview;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.partnershippathways.accesslog.CaseAccessLog;
import org.partnershippathways.accesslog.WhatWasRead;
import org.partnershippathways.calendar.WorkingDayCalendar;
import org.partnershippathways.platform.NotFoundException;
import org.partnershippathways.security.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A case's summary and chronology for the signed-in user (docs/security.md): the partnership hub sees every
 * case and every entry; an agency only a case it has work on (asked for information, sent a request, owning an
 * action) and only the entries that concern it; the voluntary sector never a risk rating. An erased case shows the
 * hub its tombstone only, and to agencies does not exist.
 */
@Service
public class CaseViews {

  private final CaseRecords records;
  private final ChronologyRows caseRows;
  private final AgencyWorkRows agencyRows;
  private final EngineEscalations escalations;
  private final CurrentUser currentUser;
  private final CaseAccessLog accessLog;
  private final CaseSearch search;
  private final ZoneId zone;

  CaseViews(CaseRecords records, ChronologyRows caseRows, AgencyWorkRows agencyRows, EngineEscalations escalations,
      CurrentUser currentUser, CaseAccessLog accessLog, CaseSearch search, WorkingDayCalendar calendar) {
    this.records = records;
    this.caseRows = caseRows;
    this.agencyRows = agencyRows;
    this.escalations = escalations;
    this.currentUser = currentUser;
    this.accessLog = accessLog;
    this.search = search;
    this.zone = calendar.zone();
  }

  /** The hub's search (coordinators and managers); each case found is a read of it in the access log. */
  public CaseSearchResults search(String query) {
    CaseSearchResults results = search.search(query);
    accessLog.recordAll(results.cases().stream().map(CaseSearchResults.Found::caseId).toList(),
        WhatWasRead.CASE_SEARCH_RESULT);
    return results;
  }

  /** Whether the signed-in user may search cases: the screens offer the search to them only. */
  public boolean maySearch() {
    return currentUser.isCoordinator() || currentUser.isManager();
  }

  @Transactional(readOnly = true)
  public CaseRecord summary(String caseId) {
    CaseAudience audience = CaseAudience.of(currentUser);
    Optional<CaseRecord> held = records.of(caseId, readable(caseId, audience));
    held.ifPresent(read -> accessLog.record(caseId, WhatWasRead.CASE_RECORD));
    return held.or(() -> records.tombstone(caseId).map(records::erased))
        .orElseThrow(() -> notFound(caseId));
  }

  @Transactional(readOnly = true)
  public CaseChronology chronology(String caseId) {
    CaseAudience audience = CaseAudience.of(currentUser);
    readable(caseId, audience);
    CaseRecord summary = records.of(caseId, audience).orElse(null);
    if (summary == null) {
      CaseRecords.Tombstone tombstone = records.tombstone(caseId).orElseThrow(() -> notFound(caseId));
      return new CaseChronology(caseId, tombstone.reference(), "Shown as the partnership hub sees it.",
          List.of(new ChronologyEntry(tombstone.erasedOn(), "data-protection",
              "Case erased by a Caldicott guardian's decision", tombstone.whatWasDone(), null, null)));
    }
    accessLog.record(caseId, WhatWasRead.CASE_CHRONOLOGY);
    List<DatedEntry> entries = new ArrayList<>(caseRows.of(caseId));
    entries.addAll(agencyRows.of(caseId));
    entries.addAll(escalations.of(caseId));
    entries.sort(Comparator.comparing(DatedEntry::at, Comparator.nullsLast(Comparator.<Instant>naturalOrder())));
    return new CaseChronology(caseId, summary.reference(), summary.shownAs(), entries.stream()
        .filter(entry -> audience.sees(entry.agencies(), entry.showsRisk()))
        .map(entry -> entry.shownTo(audience, zone))
        .toList());
  }

  /**
   * The audience, when it may read the case: a case of the caller's partnership; an agency without work on it finds
   * no such case.
   */
  private CaseAudience readable(String caseId, CaseAudience audience) {
    if (records.partnershipOf(caseId).filter(currentUser.partnerships()::contains).isEmpty()) {
      throw new NotFoundException("There is no case " + caseId + " in your partnership.");
    }
    if (!audience.hub() && agencyRows.agenciesInvolved(caseId).stream().noneMatch(audience.agencies()::contains)) {
      throw new NotFoundException("There is no case " + caseId + " that " + audience.words()
          + " may see: an agency sees a case once it is asked for information or given an action on it.");
    }
    return audience;
  }

  private static NotFoundException notFound(String caseId) {
    return new NotFoundException("There is no case " + caseId + ".");
  }
}

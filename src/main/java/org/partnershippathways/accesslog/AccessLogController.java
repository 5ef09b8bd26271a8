package org.partnershippathways.accesslog;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.partnershippathways.platform.FieldProblem;
import org.partnershippathways.platform.ForbiddenException;
import org.partnershippathways.platform.InvalidRequestException;
import org.partnershippathways.platform.NotFoundException;
import org.partnershippathways.platform.RequestedPeriod;
import org.partnershippathways.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who viewed what, for pathway managers (the Caldicott guardians): who looked at a case, and the report of unusual
 * access. Reading these writes no access record: they name readers and cases by id, nothing about the person.
 */
@RestController
record AccessLogController(AccessLogTable table, TaskHistoryOfCase engineCases, ReaderNames names,
    UnusualAccess unusual, CurrentUser currentUser) {

  static final int MAX_READS = 1000;
  static final Duration LONGEST_REPORT = Duration.ofDays(31);

  /** One read in words: "Carol Coordinator (carol) read ... through ... on 04/12/2026 09:13." */
  record CaseRead(String when, String userId, String who, String whatCode, String what, String door,
      String sentence) {
  }

  record CaseAccess(String caseId, String caseReference, List<CaseRead> reads) {
  }

  /** Who looked at this case, newest first (at most 1000 reads); a case erased keeps its reads, shown by id. */
  @GetMapping("/api/cases/{caseId}/access-log")
  CaseAccess ofCase(@PathVariable String caseId) {
    requireManager();
    String reference = engineCases.engineCase(caseId).map(TaskHistoryOfCase.EngineCase::reference).orElse(null);
    List<AccessLogTable.Read> reads = table.ofCase(caseId, MAX_READS);
    if (reference == null && reads.isEmpty()) {
      throw new NotFoundException("There is no case " + caseId + ", and nobody has read one with that id.");
    }
    Map<String, String> who = names.of(reads.stream().map(AccessLogTable.Read::userId).distinct().toList());
    return new CaseAccess(caseId, reference, reads.stream().map(read -> {
      String when = ReaderNames.moment(read.readAt());
      return new CaseRead(when, read.userId(), who.get(read.userId()), read.whatCode(), read.whatWords(),
          read.door().words(), who.get(read.userId()) + " read " + read.whatWords() + " through "
              + read.door().words() + " on " + when + ".");
    }).toList());
  }

  /**
   * Unusual access from {@code from} (inclusive) to {@code to} (exclusive), at most 31 days. Dates
   * ({@code 2026-11-01}) mean the start of that day in London; instants ({@code 2026-11-01T09:00:00Z}) are taken as
   * they are. Default: the last 24 hours.
   */
  @GetMapping("/api/access-log/unusual")
  UnusualAccess.Report unusual(@RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    requireManager();
    List<FieldProblem> problems = new ArrayList<>();
    RequestedPeriod period = RequestedPeriod.of(from, to, Duration.ofHours(24), problems);
    if (problems.isEmpty() && period.length().compareTo(LONGEST_REPORT) > 0) {
      problems.add(new FieldProblem("from", "must be at most 31 days before 'to'"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    return unusual.between(period.start(), period.end());
  }

  private void requireManager() {
    if (!currentUser.isManager()) {
      throw new ForbiddenException("Only pathway managers (Caldicott guardians) may read who viewed a case.");
    }
  }
}

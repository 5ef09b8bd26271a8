package org.partnershippathways.accesslog;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.partnershippathways.security.CurrentUser;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who viewed what: every read of a person's data writes one row per case read (docs/data-protection.md, "Who viewed
 * what"). Call it after the read was allowed, with the signed-in reader still signed in. Reads by partner systems
 * (their own agency's replies) and by the application itself (nobody signed in) are not a person's reads and write
 * nothing. The door is the request's (our API, the engine's REST API, the webapps) unless said otherwise.
 */
@Component
public class CaseAccessLog {

  private final AccessLogTable table;
  private final CurrentUser currentUser;

  CaseAccessLog(AccessLogTable table, CurrentUser currentUser) {
    this.table = table;
    this.currentUser = currentUser;
  }

  /** The signed-in user read {@code what} of one case. */
  public void record(String caseId, WhatWasRead what) {
    recordAll(caseId == null ? List.of() : List.of(caseId), what);
  }

  /** The signed-in user read {@code what} of each of these cases (a list: one row per distinct case). */
  public void recordAll(Collection<String> caseIds, WhatWasRead what) {
    write(caseIds, what, doorOfRequest());
  }

  /** The signed-in user read these cases in a subject access export. */
  public void recordExport(Collection<String> caseIds, WhatWasRead what) {
    write(caseIds, what, Door.EXPORT);
  }

  void write(Collection<String> caseIds, WhatWasRead what, Door door) {
    Optional<String> reader = currentUser.userId();
    if (reader.isEmpty() || currentUser.isPartnerSystem() || caseIds.isEmpty()) {
      return;
    }
    Instant now = Instant.now();
    List<AccessLogTable.Read> reads = new LinkedHashSet<>(caseIds).stream().filter(Objects::nonNull)
        .map(caseId -> new AccessLogTable.Read(caseId, reader.get(), what.name(), what.words(), door, now))
        .toList();
    if (!reads.isEmpty()) {
      table.insert(reads);
    }
  }

  private static Door doorOfRequest() {
    RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
    if (attributes instanceof ServletRequestAttributes servlet) {
      HttpServletRequest request = servlet.getRequest();
      return Door.ofPath(request.getRequestURI().substring(request.getContextPath().length()));
    }
    return Door.API;
  }
}

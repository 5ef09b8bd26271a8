package org.partnershippathways.caseview;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.partnershippathways.calendar.UkDates;
import org.partnershippathways.security.Agency;
import org.partnershippathways.security.CurrentUser;

/**
 * A chronology entry before it is shown: when it happened, for whom, and what the hub and the agencies read.
 *
 * @param agencies the agencies that may see it (the partnership hub sees every entry)
 * @param showsRisk whether it shows a risk rating (never to the voluntary sector)
 * @param hubDetail the details the hub reads
 * @param agencyDetail the details an agency reads (null: none)
 */
record DatedEntry(Instant at, String kind, String what, String hubDetail, String agencyDetail, String agency,
    String by, Set<String> agencies, boolean showsRisk) {

  /** Every agency: an entry about the case itself, for the agencies that may see the case at all. */
  static final Set<String> EVERY_AGENCY = Arrays.stream(Agency.values()).map(Agency::groupId)
      .collect(Collectors.toUnmodifiableSet());
  static final Set<String> HUB_ONLY = Set.of();

  static DatedEntry forHub(Instant at, String kind, String what, String detail, String by) {
    return new DatedEntry(at, kind, what, detail, null, null, by, HUB_ONLY, false);
  }

  ChronologyEntry shownTo(CaseAudience audience, ZoneId zone) {
    return new ChronologyEntry(UkDates.dayAndTime(at, zone), kind, what, audience.hub() ? hubDetail : agencyDetail,
        CodeWords.agency(agency), audience.hub() ? recorder() : null);
  }

  /** Who recorded it: a user's id, or for what the application did itself, in words. */
  private String recorder() {
    return CurrentUser.SYSTEM.equals(by) ? "the pathway, automatically" : by;
  }
}

package org.partnershippathways.reliability;

import java.time.Instant;

/** One case of the run as its driver saw it. */
final class TrackedCase {

  final int index;
  volatile String caseId;
  volatile String reference;
  volatile Instant startedAt;
  volatile Instant closedAt;
  /** Where the driver left the case when it gave up on it; null while it moves or once closed. */
  volatile String stuckWhere;

  TrackedCase(int index) {
    this.index = index;
  }

  /** Whether the case was in flight at some moment of [from, to]: started before {@code to}, not closed before
   *  {@code from}. */
  boolean inFlightDuring(Instant from, Instant to) {
    return startedAt != null && startedAt.isBefore(to) && (closedAt == null || closedAt.isAfter(from));
  }
}

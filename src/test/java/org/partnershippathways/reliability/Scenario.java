package org.partnershippathways.reliability;

import java.time.Duration;
import java.time.Instant;

/**
 * One fault of the run and its timeline: when it struck, when it was removed (the node started again, the server
 * back, the partner back), and when the application had recovered: every node answers its health check, no job
 * that failed waits for another try, no incident is open, and (after the node was killed) no job is still held by
 * the dead node's lock.
 */
record Scenario(String name, String fault, Instant faultAt, Instant faultRemovedAt, Instant recoveredAt,
    String notes) {

  /** Seconds from the fault's removal to recovery; -1 when the run did not recover in time. */
  double secondsToRecover() {
    return recoveredAt == null ? -1 : Duration.between(faultRemovedAt, recoveredAt).toMillis() / 1000.0;
  }

  double secondsFaultLasted() {
    return Duration.between(faultAt, faultRemovedAt).toMillis() / 1000.0;
  }

  /** The window whose cases count for this scenario: from the fault to recovery (or to now). */
  Instant windowEnd() {
    return recoveredAt == null ? Instant.now() : recoveredAt;
  }
}

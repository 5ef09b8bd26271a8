package org.partnershippathways.consent;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.partnershippathways.security.Agency;

/**
 * Whom and what a consent or lawful basis covers: the agencies that may be told, for which purposes, until when.
 * A decision recorded before coverage existed covers every agency and purpose, with no end ({@link #EVERYTHING}).
 */
record SharingCoverage(Set<Agency> agencies, Set<SharingPurpose> purposes, Instant validUntil) {

  static final SharingCoverage EVERYTHING = new SharingCoverage(EnumSet.allOf(Agency.class),
      EnumSet.allOf(SharingPurpose.class), null);

  SharingCoverage {
    agencies = agencies.isEmpty() ? EnumSet.noneOf(Agency.class) : EnumSet.copyOf(agencies);
    purposes = purposes.isEmpty() ? EnumSet.noneOf(SharingPurpose.class) : EnumSet.copyOf(purposes);
  }

  boolean covers(Agency agency, SharingPurpose purpose, Instant at) {
    return agencies.contains(agency) && purposes.contains(purpose) && !expiredAt(at);
  }

  boolean expiredAt(Instant at) {
    return validUntil != null && !at.isBefore(validUntil);
  }

  boolean includes(SharingCoverage other) {
    return agencies.containsAll(other.agencies) && purposes.containsAll(other.purposes)
        && (validUntil == null || (other.validUntil != null && !validUntil.isBefore(other.validUntil)));
  }

  SharingCoverage until(Instant newEnd) {
    return new SharingCoverage(agencies, purposes, newEnd);
  }

  /** The agencies as stored: group ids, comma separated. */
  String agencyColumn() {
    return agencies.stream().map(Agency::groupId).collect(Collectors.joining(","));
  }

  String purposeColumn() {
    return purposes.stream().map(Enum::name).collect(Collectors.joining(","));
  }

  /** Read from the columns; null columns (a decision recorded before coverage existed) mean everything. */
  static SharingCoverage fromColumns(String agencies, String purposes, Instant validUntil) {
    Set<Agency> agencySet = agencies == null ? EnumSet.allOf(Agency.class) : Arrays.stream(agencies.split(","))
        .map(String::strip).map(id -> Agency.ofGroupId(id).orElseThrow())
        .collect(Collectors.toCollection(LinkedHashSet::new));
    Set<SharingPurpose> purposeSet = purposes == null ? EnumSet.allOf(SharingPurpose.class)
        : Arrays.stream(purposes.split(",")).map(String::strip).map(SharingPurpose::valueOf)
            .collect(Collectors.toCollection(LinkedHashSet::new));
    return new SharingCoverage(agencySet, purposeSet, validUntil);
  }
}

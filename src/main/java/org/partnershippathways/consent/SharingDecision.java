package org.partnershippathways.consent;

import java.time.Instant;

/**
 * One recorded decision on sharing about a case: consent, a lawful basis without consent, or that nothing may be
 * shared ({@code basis} {@code NONE}), with the agencies, purposes and time it covers. The decisions in force are
 * those not superseded; an expired one is in force but lets nothing be shared.
 */
record SharingDecision(String id, String caseId, String basis, ConsentStatus consentStatus,
    String consentGivenBy, String legalGround, SharingScope scope, String reason, String decidedBy,
    Instant decidedAt, Instant supersededAt, SharingCoverage coverage) {

  public static final String NONE = "NONE";

  /** Whether this decision lets anything be shared (at some time, with some agency). */
  public boolean permitsSharing() {
    return !NONE.equals(basis) && scope != null;
  }

  boolean permits(org.partnershippathways.security.Agency agency, SharingPurpose purpose, Instant at) {
    return permitsSharing() && coverage.covers(agency, purpose, at);
  }
}

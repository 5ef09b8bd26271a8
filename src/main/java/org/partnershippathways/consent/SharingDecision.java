package org.partnershippathways.consent;

import java.time.Instant;

/**
 * One recorded decision on sharing about a case: consent, a lawful basis without consent, or that nothing may be
 * shared ({@code basis} {@code NONE}). The decision in force is the one not superseded.
 */
record SharingDecision(String id, String caseId, String basis, ConsentStatus consentStatus,
    String consentGivenBy, String legalGround, SharingScope scope, String reason, String decidedBy,
    Instant decidedAt, Instant supersededAt) {

  public static final String NONE = "NONE";

  /** Whether this decision lets anything be shared. */
  public boolean permitsSharing() {
    return !NONE.equals(basis) && scope != null;
  }
}

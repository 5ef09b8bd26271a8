package org.partnershippathways.triage;

/**
 * Records that partners may be told about an immediate risk without consent (vital interests / safeguarding).
 * Implemented by the consent capability ({@code consent.SharingDecisions.recordVitalInterests}); the step-up
 * needs only this.
 */
interface VitalInterestsBasis {

  void recordVitalInterests(String caseId, String decidedBy);
}

package org.partnershippathways.triage;

import org.partnershippathways.consent.SharingDecisions;
import org.springframework.stereotype.Component;

/** The step-up's vital-interests basis is recorded where every sharing decision is: in the consent records. */
@Component
class ConsentVitalInterestsBasis implements VitalInterestsBasis {

  private final SharingDecisions decisions;

  ConsentVitalInterestsBasis(SharingDecisions decisions) {
    this.decisions = decisions;
  }

  @Override
  public void recordVitalInterests(String caseId, String decidedBy) {
    decisions.recordVitalInterests(caseId, decidedBy);
  }
}

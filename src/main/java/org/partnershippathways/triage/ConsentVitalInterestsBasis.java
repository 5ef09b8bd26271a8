package org.partnershippathways.triage;

import org.partnershippathways.consent.SharingDecisions;
import org.springframework.stereotype.Component;

/** The step-up's vital-interests basis is recorded where every sharing decision is: in the consent records. */
@Component
record ConsentVitalInterestsBasis(SharingDecisions decisions) implements VitalInterestsBasis {

  @Override
  public void recordVitalInterests(String caseId, String decidedBy) {
    decisions.recordVitalInterests(caseId, decidedBy);
  }
}

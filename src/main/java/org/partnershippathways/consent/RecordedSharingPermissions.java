package org.partnershippathways.consent;

import java.util.Optional;
import org.springframework.stereotype.Component;

/** The sharing permission in force is the latest recorded decision, unless it says nothing may be shared. */
@Component
class RecordedSharingPermissions implements SharingPermissions {

  private final SharingDecisions decisions;

  RecordedSharingPermissions(SharingDecisions decisions) {
    this.decisions = decisions;
  }

  @Override
  public Optional<SharingPermission> forCase(String caseId) {
    return decisions.inForce(caseId)
        .filter(SharingDecision::permitsSharing)
        .map(decision -> new SharingPermission(caseId, decision.id(), SharingBasis.valueOf(decision.basis()),
            decision.basis().equals(SharingBasis.CONSENT.name())
                ? "Consent given by " + decision.consentGivenBy()
                : decision.legalGround(),
            decision.scope(), decision.decidedBy(), decision.decidedAt()));
  }
}

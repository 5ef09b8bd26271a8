package org.partnershippathways.consent;

import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Predicate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.partnershippathways.security.Agency;
import org.springframework.stereotype.Component;

/**
 * The permissions in force are the decisions not superseded that let something be shared and have not expired (on
 * the engine's clock); a disclosure also needs the agency and the purpose to be covered.
 */
@Component
class RecordedSharingPermissions implements SharingPermissions {

  private final SharingDecisions decisions;

  RecordedSharingPermissions(SharingDecisions decisions) {
    this.decisions = decisions;
  }

  @Override
  public Optional<SharingPermission> forCase(String caseId) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    return widest(caseId, decision -> decision.permitsSharing() && !decision.coverage().expiredAt(now));
  }

  @Override
  public Optional<SharingPermission> forDisclosure(String caseId, Agency agency, SharingPurpose purpose) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    return widest(caseId, decision -> decision.permits(agency, purpose, now));
  }

  private Optional<SharingPermission> widest(String caseId, Predicate<SharingDecision> usable) {
    return decisions.allInForce(caseId).stream()
        .filter(usable)
        .max(Comparator.comparing(SharingDecision::scope))
        .map(decision -> new SharingPermission(caseId, decision.id(), SharingBasis.valueOf(decision.basis()),
            decision.basis().equals(SharingBasis.CONSENT.name())
                ? "Consent given by " + decision.consentGivenBy()
                : decision.legalGround(),
            decision.scope(), decision.decidedBy(), decision.decidedAt()));
  }
}

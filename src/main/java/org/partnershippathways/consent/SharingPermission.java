package org.partnershippathways.consent;

import java.time.Instant;

/**
 * The recorded decision that allows sharing about a case.
 *
 * @param decisionId id of the consent or lawful-basis record (referenced by every disclosure)
 * @param basis consent, or a lawful basis without consent
 * @param legalGround for a lawful basis, the ground (for example "DPA 2018 Sch. 1 para 18: safeguarding");
 *     for consent, who gave it
 * @param scope how much may be shared
 * @param decidedBy the user who recorded or decided it
 */
public record SharingPermission(String caseId, String decisionId, SharingBasis basis, String legalGround,
    SharingScope scope, String decidedBy, Instant decidedAt) {
}

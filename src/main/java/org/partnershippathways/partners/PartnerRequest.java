package org.partnershippathways.partners;

import java.util.Objects;
import org.partnershippathways.security.Agency;

/**
 * A request for one agency about one case, from one step of a pathway. The data sent is not part of the
 * request: the gateway builds it from the case and its sharing scope.
 *
 * @param caseId our case id
 * @param step the pathway step asking (the BPMN activity id, with the loop counter where a step repeats)
 * @param agency the agency asked
 * @param type what is asked for
 * @param purpose why, in words the partner and the audit understand
 * @param requestedBy the user on whose behalf (or the user who completed the step before)
 */
public record PartnerRequest(String caseId, String step, Agency agency, PartnerRequestType type, String purpose,
    String requestedBy) {

  public PartnerRequest {
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(agency, "agency");
    Objects.requireNonNull(type, "type");
  }

  /** Stable for the same case, step and agency, so that a retried call is recognised by the partner. */
  public String idempotencyKey() {
    return caseId + ":" + step + ":" + agency.groupId();
  }
}

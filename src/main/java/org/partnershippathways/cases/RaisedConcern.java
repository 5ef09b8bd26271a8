package org.partnershippathways.cases;

import java.util.List;

/**
 * A valid concern as the case keeps it, with what intake knows about its arrival: who raised it in which
 * partnership and, for a request over the API, its idempotency key and a fingerprint of the request.
 */
public record RaisedConcern(Referrer referrer, List<String> categories, String description, boolean immediateRisk,
    boolean consentObtained, String raisedBy, String partnershipId, String idempotencyKey, String requestHash) {
}

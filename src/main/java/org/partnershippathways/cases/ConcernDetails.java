package org.partnershippathways.cases;

import java.time.Instant;
import java.util.List;

/** A concern on a case as it was raised: what a coordinator reads before deciding the triage. */
public record ConcernDetails(Instant raisedAt, List<String> categories, String description, boolean immediateRisk,
    Referrer referrer) {
}

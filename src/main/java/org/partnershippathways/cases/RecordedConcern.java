package org.partnershippathways.cases;

import java.util.List;

/** A concern on a case, without the description: what a further-concern review task is told. */
public record RecordedConcern(String concernId, List<String> categories, boolean immediateRisk, Referrer referrer) {
}

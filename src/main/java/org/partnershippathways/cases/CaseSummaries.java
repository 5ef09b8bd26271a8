package org.partnershippathways.cases;

import java.util.Optional;

/** Reads what a case holds; what the partner gateway needs of {@link Cases}. */
@FunctionalInterface
public interface CaseSummaries {

  Optional<CaseSummary> summary(String caseId);
}

package org.partnershippathways.cases;

import java.util.Optional;

/** Reads what a case holds; what the partner gateway needs of {@link Cases}. */
public interface CaseSummaries {

  Optional<CaseSummary> summary(String caseId);

  /** Whether a Caldicott guardian restricted the case: then nothing more about it leaves to a partner. */
  boolean restricted(String caseId);
}

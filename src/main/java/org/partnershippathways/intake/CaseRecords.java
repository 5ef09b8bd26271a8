package org.partnershippathways.intake;

import java.util.Optional;

/** Read access to a case for the other capabilities. */
public interface CaseRecords {

  Optional<CaseSummary> summary(String caseId);
}

package org.partnershippathways.review;

import org.partnershippathways.cases.CaseStatus;

/** How a case ended (column {@code case_closure.outcome}, {@code pathway_case.closure_outcome}). */
enum ClosureOutcome {
  OUTCOMES_MET,
  MOVED_OUT_OF_AREA,
  DISENGAGED,
  DUPLICATE,
  /** Managers closed the case after the maximum number of meeting rounds. */
  OUTCOMES_NOT_MET,
  /** Sharing not permitted: single-agency support or signposting instead. */
  CONSENT_REFUSED,
  /** Accepted by social care for statutory action. */
  STEPPED_UP;

  /** The case status that goes with the outcome. */
  public CaseStatus caseStatus() {
    return this == STEPPED_UP ? CaseStatus.STEPPED_UP : CaseStatus.CLOSED;
  }
}

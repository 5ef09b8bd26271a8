package org.partnershippathways.cases;

/** Where a case stands (column {@code pathway_case.status}). */
public enum CaseStatus {
  OPEN,
  CLOSED,
  /** Accepted by social care for statutory action. */
  STEPPED_UP
}

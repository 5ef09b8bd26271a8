package org.partnershippathways.cases;

/**
 * Which partnership a case id belongs to, in SQL, for the tables that outlive a case's row: the case row says so,
 * and once the case is erased, or destroyed at the end of its retention, the record of that decision
 * ({@code data_protection_decision}) does.
 */
public final class CasesOfPartnerships {

  private CasesOfPartnerships() {
  }

  /** A condition true when the case in {@code caseIdColumn} is one of the named parameter {@code :partnerships}. */
  public static String contain(String caseIdColumn) {
    return "(exists (select 1 from pathway_case pc where pc.id = " + caseIdColumn
        + " and pc.partnership_id in (:partnerships))"
        + " or exists (select 1 from data_protection_decision pt where pt.case_id = " + caseIdColumn
        + " and pt.partnership_id in (:partnerships)))";
  }
}

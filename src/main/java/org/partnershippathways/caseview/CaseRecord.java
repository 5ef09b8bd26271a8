package org.partnershippathways.caseview;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A case's summary in words and UK dates, as its reader may see it: the partnership hub reads the person, the
 * concern's categories and the referrer; an agency reads the case's reference, where it stands and (except the
 * voluntary sector) its risk rating. A restricted case carries its restriction; an erased case only its tombstone.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record CaseRecord(String caseId, String reference, String status, String openedOn, String closedOn,
    String outcome, String riskRating, String urgency, Person person, List<String> concernCategories,
    String restriction, String erasure, String shownAs) {

  /** The person: name, date of birth (dd/mm/yyyy), age, NHS number as written ("943 476 5919"), whether a child. */
  record Person(String name, String dateOfBirth, int age, String nhsNumber, boolean child) {
  }
}

package org.partnershippathways.caseview;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The cases found for a search, newest first, at most {@link CaseSearch#MOST}; {@code message} says in words what
 * was searched and whether more cases matched than are shown.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record CaseSearchResults(String query, String searchedBy, String message, List<Found> cases) {

  /** One case found: enough to tell people apart (name, date of birth, NHS number) and where the case stands. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Found(String caseId, String reference, String name, String dateOfBirth, String nhsNumber,
      String status, String riskRating, String openedOn, Boolean restricted) {
  }
}

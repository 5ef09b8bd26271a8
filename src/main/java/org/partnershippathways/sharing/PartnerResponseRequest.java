package org.partnershippathways.sharing;

import java.util.ArrayList;
import java.util.List;
import org.partnershippathways.platform.FieldProblem;
import org.partnershippathways.platform.TextRules;
import org.partnershippathways.security.Agency;

/** Body of {@code POST /api/cases/{caseId}/partner-responses}: an agency's reply to an information request. */
record PartnerResponseRequest(String agency, String summary, Boolean holdsInformation, String respondedBy,
    String partnerReference) {

  static final int SUMMARY_MAX = 4000;
  static final int RESPONDED_BY_MAX = 255;
  static final int REFERENCE_MAX = 100;

  List<FieldProblem> problems() {
    List<FieldProblem> problems = new ArrayList<>();
    if (blank(agency)) {
      problems.add(new FieldProblem("agency", "is required: the agency replying (police, health, social-care, "
          + "voluntary)"));
    } else if (Agency.ofGroupId(agency).isEmpty()) {
      problems.add(new FieldProblem("agency", "is not a partner agency: use police, health, social-care or "
          + "voluntary"));
    }
    TextRules.requiredText("summary", summary, SUMMARY_MAX,
        "is required: what the agency knows, or that it knows nothing").ifPresent(problems::add);
    if (holdsInformation == null) {
      problems.add(new FieldProblem("holdsInformation", "is required: true when the agency holds information "
          + "about the person"));
    }
    TextRules.requiredLine("respondedBy", respondedBy, RESPONDED_BY_MAX, "is required: who at the agency replied")
        .ifPresent(problems::add);
    TextRules.requiredLine("partnerReference", partnerReference, REFERENCE_MAX,
        "is required: the agency's own reference for this reply").ifPresent(problems::add);
    return problems;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}

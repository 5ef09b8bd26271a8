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
    if (blank(summary)) {
      problems.add(new FieldProblem("summary", "is required: what the agency knows, or that it knows nothing"));
    } else if (summary.length() > SUMMARY_MAX) {
      problems.add(new FieldProblem("summary", "is longer than " + SUMMARY_MAX + " characters"));
    } else {
      TextRules.problemOfText(summary).ifPresent(problem -> problems.add(new FieldProblem("summary", problem)));
    }
    if (holdsInformation == null) {
      problems.add(new FieldProblem("holdsInformation", "is required: true when the agency holds information "
          + "about the person"));
    }
    if (blank(respondedBy)) {
      problems.add(new FieldProblem("respondedBy", "is required: who at the agency replied"));
    } else if (respondedBy.length() > RESPONDED_BY_MAX) {
      problems.add(new FieldProblem("respondedBy", "is longer than " + RESPONDED_BY_MAX + " characters"));
    } else {
      TextRules.problemOfLine(respondedBy).ifPresent(problem -> problems.add(new FieldProblem("respondedBy",
          problem)));
    }
    if (blank(partnerReference)) {
      problems.add(new FieldProblem("partnerReference", "is required: the agency's own reference for this reply"));
    } else if (partnerReference.length() > REFERENCE_MAX) {
      problems.add(new FieldProblem("partnerReference", "is longer than " + REFERENCE_MAX + " characters"));
    } else {
      TextRules.problemOfLine(partnerReference).ifPresent(problem -> problems.add(new FieldProblem(
          "partnerReference", problem)));
    }
    return problems;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}

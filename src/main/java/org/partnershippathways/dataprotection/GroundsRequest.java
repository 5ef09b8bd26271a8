package org.partnershippathways.dataprotection;

import java.util.ArrayList;
import java.util.List;
import org.partnershippathways.platform.FieldProblem;
import org.partnershippathways.platform.TextRules;

/**
 * Body of a Caldicott guardian's restriction or erasure: the grounds, in words (never the person's details: they
 * are kept after an erasure, as its reason).
 */
record GroundsRequest(String grounds) {

  static final int GROUNDS_MAX = 4000;

  List<FieldProblem> problems() {
    List<FieldProblem> problems = new ArrayList<>();
    if (grounds == null || grounds.isBlank()) {
      problems.add(new FieldProblem("grounds", "is required: why the data is restricted or erased"));
    } else if (grounds.length() > GROUNDS_MAX) {
      problems.add(new FieldProblem("grounds", "is longer than " + GROUNDS_MAX + " characters"));
    } else {
      TextRules.problemOfText(grounds).ifPresent(problem -> problems.add(new FieldProblem("grounds", problem)));
    }
    return problems;
  }
}

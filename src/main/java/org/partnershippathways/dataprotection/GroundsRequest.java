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
    TextRules.requiredText("grounds", grounds, GROUNDS_MAX, "is required: why the data is restricted or erased")
        .ifPresent(problems::add);
    return problems;
  }
}

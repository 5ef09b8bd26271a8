package org.partnershippathways.migration;

import java.util.ArrayList;
import java.util.List;
import org.partnershippathways.platform.FieldProblem;
import org.partnershippathways.platform.TextRules;

/**
 * Which running cases move where: the pathway process, the version its cases are on and the version they move to,
 * the steps renamed in the new version (each old step to its new one; steps whose id stayed are mapped by
 * themselves), and, to migrate, why.
 */
record MigrationRequest(String process, Integer fromVersion, Integer toVersion, List<StepMapping> mappings,
    String reason) {

  static final int MAX_REASON = 2000;
  static final int MAX_MAPPINGS = 100;

  /** An old step (its id in the version the cases are on) and the step of the new version it becomes. */
  record StepMapping(String from, String to) {
  }

  List<StepMapping> mappingsOrNone() {
    return mappings == null ? List.of() : mappings;
  }

  /** What is wrong with the request, field by field, in words; the reason only when the cases are to move. */
  List<FieldProblem> problems(boolean toMigrate) {
    List<FieldProblem> problems = new ArrayList<>();
    if (process == null || process.isBlank()) {
      problems.add(new FieldProblem("process", "is needed: the pathway process whose cases move, for example"
          + " consent-check"));
    }
    if (fromVersion == null || fromVersion < 1) {
      problems.add(new FieldProblem("fromVersion", "is needed: the version the cases are on now, a whole number"
          + " from 1"));
    }
    if (toVersion == null || toVersion < 1) {
      problems.add(new FieldProblem("toVersion", "is needed: the version the cases move to, a whole number from 1"));
    } else if (toVersion.equals(fromVersion)) {
      problems.add(new FieldProblem("toVersion", "must differ from the version the cases are on now"));
    }
    if (mappingsOrNone().size() > MAX_MAPPINGS) {
      problems.add(new FieldProblem("mappings", "may map at most " + MAX_MAPPINGS + " steps"));
    } else {
      for (int i = 0; i < mappingsOrNone().size(); i++) {
        StepMapping mapping = mappingsOrNone().get(i);
        if (mapping == null || mapping.from() == null || mapping.from().isBlank()) {
          problems.add(new FieldProblem("mappings[" + i + "].from", "is needed: the step of the version the cases"
              + " are on"));
        }
        if (mapping == null || mapping.to() == null || mapping.to().isBlank()) {
          problems.add(new FieldProblem("mappings[" + i + "].to", "is needed: the step of the new version"));
        }
      }
    }
    if (toMigrate) {
      if (reason == null || reason.isBlank()) {
        problems.add(new FieldProblem("reason", "is needed: say why the cases move to the new version"));
      } else if (reason.length() > MAX_REASON) {
        problems.add(new FieldProblem("reason", "must be at most " + MAX_REASON + " characters"));
      } else {
        TextRules.problemOfText(reason).ifPresent(problem -> problems.add(new FieldProblem("reason", problem)));
      }
    }
    return problems;
  }
}

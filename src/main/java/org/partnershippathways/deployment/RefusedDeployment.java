package org.partnershippathways.deployment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ResourceReport;

/**
 * A deployment the gate refused, with every rule it breaks. It is the engine's public {@link ParseException}, so the
 * engine REST API (and Camunda Modeler, which shows its message) answers 400 with the rules in {@code message} and,
 * per file, in {@code details} with each element's id ({@code mainElementId}).
 */
class RefusedDeployment extends ParseException {

  RefusedDeployment(List<BrokenRule> broken) {
    super(message(broken), broken.get(0).file(), List.of(), List.of());
    resorceReports = new ArrayList<>();
    Map<String, List<Problem>> byFile = new LinkedHashMap<>();
    broken.forEach(rule -> byFile.computeIfAbsent(rule.file(), file -> new ArrayList<>()).add(problem(rule)));
    byFile.forEach((file, problems) -> resorceReports.add(report(file, problems)));
  }

  private static String message(List<BrokenRule> broken) {
    return "The deployment was refused, nothing was deployed. Correct " + (broken.size() == 1 ? "this rule"
        : "these " + broken.size() + " rules") + ": " + broken.stream().map(BrokenRule::toString)
        .collect(Collectors.joining("; "));
  }

  private static Problem problem(BrokenRule rule) {
    return new Problem() {
      @Override
      public String getMessage() {
        return rule.words();
      }

      @Override
      public int getLine() {
        return 0;
      }

      @Override
      public int getColumn() {
        return 0;
      }

      @Override
      public String getMainElementId() {
        return rule.elementId();
      }

      @Override
      public List<String> getElementIds() {
        return rule.elementId() == null ? List.of() : List.of(rule.elementId());
      }
    };
  }

  private static ResourceReport report(String file, List<Problem> problems) {
    return new ResourceReport() {
      @Override
      public String getResourceName() {
        return file;
      }

      @Override
      public List<Problem> getErrors() {
        return problems;
      }

      @Override
      public List<Problem> getWarnings() {
        return List.of();
      }
    };
  }
}

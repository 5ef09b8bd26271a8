package org.partnershippathways.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlanValidationReport;

/**
 * The engine's validation of a migration plan, in words a process owner reads: which old step cannot become which
 * new one and why, without the engine's class names and codes.
 */
final class PlanInWords {

  private PlanInWords() {
  }

  static List<String> of(MigrationPlanValidationReport report, VersionSteps from, VersionSteps to) {
    List<String> sentences = new ArrayList<>();
    for (MigrationInstructionValidationReport instruction : report.getInstructionReports()) {
      MigrationInstruction mapping = instruction.getMigrationInstruction();
      for (String failure : instruction.getFailures()) {
        String sentence = from.quoted(mapping.getSourceActivityId()) + " cannot become "
            + to.quoted(mapping.getTargetActivityId()) + ": " + why(failure) + ".";
        if (!sentences.contains(sentence)) {
          sentences.add(sentence);
        }
      }
    }
    report.getVariableReports().forEach((variable, variableReport) -> sentences.add("The case information '"
        + variable + "' cannot be carried over as it is."));
    if (sentences.isEmpty()) {
      sentences.add("The engine cannot move cases between these two versions.");
    }
    return sentences;
  }

  private static String why(String failure) {
    String text = failure.toLowerCase(Locale.ROOT);
    if (text.contains("incompatible types")) {
      return "they are different kinds of step (a task, a sub-process, an event)";
    }
    if (text.contains("multiple mappings")) {
      return "the old step is mapped to more than one new step";
    }
    if (text.contains("not of the same type")) {
      return "they wait for different kinds of event";
    }
    if (text.contains("event scope")) {
      return "the step it is attached to does not become the step the new one is attached to";
    }
    if (text.contains("gateway")) {
      return "a joining gateway must join at least as many paths in the new version, inside a mapped step";
    }
    if (text.contains("multi-instance")) {
      return "a step repeated for each item moves only together with its repetition";
    }
    if (text.contains("event trigger") || text.contains("conditional event")) {
      return "what the old step waits for cannot be carried over to the new one";
    }
    if (text.contains("ancestor") || text.contains("scope")) {
      return "it is inside a sub-process that does not become the sub-process the new step is in";
    }
    return "the engine cannot move this kind of step there";
  }
}

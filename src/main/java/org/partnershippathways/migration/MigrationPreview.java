package org.partnershippathways.migration;

import java.util.List;

/**
 * What a migration would do, before it runs: whether the plan holds ({@code problems} says why not, in words), how
 * many running cases would move and how many stay, each step where cases wait (with the step it becomes), the
 * reasons cases stay, and the steps of the new version (to map a renamed step to).
 */
record MigrationPreview(String process, String processName, int fromVersion, int toVersion, boolean planValid,
    List<String> problems, int casesMoving, int casesStaying, List<WaitingStep> steps, List<Staying> staying,
    List<Step> stepsOfNewVersion) {

  /** A step where running cases of the old version wait, and the step of the new version they would move to. */
  record WaitingStep(String stepId, String step, int cases, String movesToId, String movesTo) {
  }

  /** Cases that cannot move, and why, in words. */
  record Staying(int cases, String reason) {
  }

  /** A step of a version: its id (for a mapping) and its name. */
  record Step(String id, String name) {
  }
}

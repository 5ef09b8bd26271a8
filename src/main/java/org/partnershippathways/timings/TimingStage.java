package org.partnershippathways.timings;

import java.util.List;

/**
 * One stage of the pathway as managers see it, defined by activity ids of the case process.
 *
 * <p>When {@code startActivityId} equals {@code endActivityId} every pass through that activity counts (a case
 * may have several meetings). Otherwise the stage runs from the first start of {@code startActivityId} (or from
 * the start of the case when it is empty) to the first end of {@code endActivityId} after it.
 *
 * @param name stage name shown to managers and used as metric tag
 * @param processDefinitionKeys keys of the process(es) holding the activities
 * @param startActivityId where the stage begins; empty = the start of the process instance
 * @param endActivityId whose completion ends the stage
 * @param targetWorkingDays target duration in working days from the stage's start, or null
 * @param targetDateVariable a date variable of the process instance the stage must be done by, or null
 */
record TimingStage(String name, List<String> processDefinitionKeys, String startActivityId,
    String endActivityId, Integer targetWorkingDays, String targetDateVariable) {

  public TimingStage {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("A timing stage needs a name");
    }
    if (processDefinitionKeys == null || processDefinitionKeys.isEmpty()) {
      throw new IllegalArgumentException("Timing stage " + name + " needs at least one process definition key");
    }
    if (endActivityId == null || endActivityId.isBlank()) {
      throw new IllegalArgumentException("Timing stage " + name + " needs an end activity id");
    }
    processDefinitionKeys = List.copyOf(processDefinitionKeys);
    startActivityId = startActivityId == null || startActivityId.isBlank() ? null : startActivityId;
    targetDateVariable = targetDateVariable == null || targetDateVariable.isBlank() ? null : targetDateVariable;
  }

  /** A stage measured on each pass through one activity. */
  public boolean isSingleActivity() {
    return endActivityId.equals(startActivityId);
  }

  public boolean startsWithTheCase() {
    return startActivityId == null;
  }

  public boolean hasTarget() {
    return targetWorkingDays != null || targetDateVariable != null;
  }
}

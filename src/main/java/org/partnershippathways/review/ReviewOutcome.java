package org.partnershippathways.review;

/** What a coordinator decides at {@code Task_ReviewCase}. */
enum ReviewOutcome {
  /** The action plan achieved its outcomes: close. */
  OUTCOMES_MET(true),
  /** Outcomes not met: another multi-agency meeting round. */
  NOT_MET(false),
  /** New actions agreed: back to the action plan. */
  NEW_ACTIONS(false),
  /** The risk increased: statutory step-up. */
  RISK_INCREASED(false),
  /** Closure: the person moved to another area (the case is handed over there). */
  MOVED_OUT_OF_AREA(true),
  /** Closure: the person no longer engages with the support offered. */
  DISENGAGED(true),
  /** Closure: the case duplicates another one. */
  DUPLICATE(true);

  private final boolean closesTheCase;

  ReviewOutcome(boolean closesTheCase) {
    this.closesTheCase = closesTheCase;
  }

  public boolean closesTheCase() {
    return closesTheCase;
  }
}

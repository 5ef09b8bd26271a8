package org.partnershippathways.deployment;

import org.partnershippathways.platform.ForbiddenException;
import org.partnershippathways.platform.InvalidRequestException;
import org.partnershippathways.security.CurrentUser;
import org.partnershippathways.security.PathwayGroups;
import org.springframework.stereotype.Component;

/**
 * What a process owner asks about a changed model before deploying it, with the same rules whether it comes through
 * {@code /api/process-models/...} or the Cockpit page "Pathway changes": process owners and managers only (403),
 * each parameter checked (400 naming it), the engine's history read as the system.
 */
@Component
class ProcessChangeRequests {

  static final String ONLY_OWNERS_AND_MANAGERS = "Only process owners and managers may preview a changed model";
  private static final int USUAL_DECISIONS = 50;

  private final DecisionImpact impact;
  private final CurrentUser currentUser;

  ProcessChangeRequests(DecisionImpact impact, CurrentUser currentUser) {
    this.impact = impact;
    this.currentUser = currentUser;
  }

  DecisionImpact.Preview decisionImpact(String decisionTable, String decisions) {
    checkAccess();
    int howMany = howMany(decisions);
    return currentUser.asSystem(() -> impact.preview(decisionTable, howMany));
  }

  void checkAccess() {
    if (!currentUser.isMemberOf(PathwayGroups.PROCESS_OWNERS) && !currentUser.isMemberOf(PathwayGroups.MANAGERS)) {
      throw new ForbiddenException(ONLY_OWNERS_AND_MANAGERS);
    }
  }

  private static int howMany(String decisions) {
    if (decisions == null || decisions.isBlank()) {
      return USUAL_DECISIONS;
    }
    try {
      int value = Integer.parseInt(decisions.strip());
      if (value >= 1 && value <= DecisionImpact.MOST_DECISIONS) {
        return value;
      }
    } catch (NumberFormatException notANumber) {
      // answered below
    }
    throw new InvalidRequestException("decisions", "How many recorded decisions to compare must be a whole number"
        + " from 1 to " + DecisionImpact.MOST_DECISIONS);
  }
}

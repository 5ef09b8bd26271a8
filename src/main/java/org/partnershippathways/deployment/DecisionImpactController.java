package org.partnershippathways.deployment;

import org.partnershippathways.platform.ForbiddenException;
import org.partnershippathways.platform.InvalidRequestException;
import org.partnershippathways.security.CurrentUser;
import org.partnershippathways.security.PathwayGroups;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Before a process owner deploys a changed decision table, what it would have changed on the cases the deployed
 * one decided (docs/process-change.md). Reads the engine's history as the system: the group check here is the
 * authorization, and the answer names cases by reference only.
 */
@RestController
class DecisionImpactController {

  private static final int USUAL_DECISIONS = 50;

  private final DecisionImpact impact;
  private final CurrentUser currentUser;

  DecisionImpactController(DecisionImpact impact, CurrentUser currentUser) {
    this.impact = impact;
    this.currentUser = currentUser;
  }

  @PostMapping("/api/process-models/decision-impact")
  DecisionImpact.Preview preview(@RequestBody(required = false) DecisionImpactRequest request,
      @RequestParam(name = "decisions", required = false) String decisions) {
    if (!currentUser.isMemberOf(PathwayGroups.PROCESS_OWNERS) && !currentUser.isMemberOf(PathwayGroups.MANAGERS)) {
      throw new ForbiddenException("Only process owners and managers may preview a changed decision table");
    }
    int howMany = howMany(decisions);
    return currentUser.asSystem(() -> impact.preview(request == null ? null : request.decisionTable(), howMany));
  }

  private static int howMany(String decisions) {
    if (decisions == null) {
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

package org.partnershippathways.deployment;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Before a process owner deploys a changed decision table, what it would have changed on the cases the deployed
 * one decided (docs/process-change.md). Reads the engine's history as the system: the group check is the
 * authorization ({@link ProcessChangeRequests}), and the answer names cases by reference only.
 */
@RestController
record DecisionImpactController(ProcessChangeRequests requests) {

  @PostMapping("/api/process-models/decision-impact")
  DecisionImpact.Preview preview(@RequestBody(required = false) DecisionImpactRequest request,
      @RequestParam(name = "decisions", required = false) String decisions) {
    return requests.decisionImpact(request == null ? null : request.decisionTable(), decisions);
  }
}

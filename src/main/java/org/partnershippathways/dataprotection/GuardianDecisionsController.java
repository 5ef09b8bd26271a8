package org.partnershippathways.dataprotection;

import java.util.List;
import org.partnershippathways.platform.FieldProblem;
import org.partnershippathways.platform.ForbiddenException;
import org.partnershippathways.platform.InvalidRequestException;
import org.partnershippathways.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Restriction and erasure of a case by a Caldicott guardian (group {@code managers}), and the decisions made. */
@RestController
record GuardianDecisionsController(GuardianDecisions decisions, CurrentUser currentUser) {

  @PostMapping("/api/cases/{caseId}/restriction")
  @ResponseStatus(HttpStatus.CREATED)
  DecisionTable.Decision restrict(@PathVariable String caseId, @RequestBody(required = false) GroundsRequest body) {
    return decisions.restrict(caseId, grounds(body));
  }

  @PostMapping("/api/cases/{caseId}/erasure")
  @ResponseStatus(HttpStatus.CREATED)
  DecisionTable.Decision erase(@PathVariable String caseId, @RequestBody(required = false) GroundsRequest body) {
    return decisions.erase(caseId, grounds(body));
  }

  @GetMapping("/api/data-protection-decisions")
  List<DecisionTable.Decision> latest() {
    requireGuardian();
    return decisions.latest();
  }

  private String grounds(GroundsRequest body) {
    requireGuardian();
    List<FieldProblem> problems = body == null ? List.of(new FieldProblem("grounds", "is required")) : body.problems();
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    return body.grounds();
  }

  private void requireGuardian() {
    if (!currentUser.isManager()) {
      throw new ForbiddenException("Only a Caldicott guardian (a pathway manager) restricts or erases a case.");
    }
  }
}

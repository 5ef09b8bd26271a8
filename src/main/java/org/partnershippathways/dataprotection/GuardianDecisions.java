package org.partnershippathways.dataprotection;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.partnershippathways.calendar.UkDates;
import org.partnershippathways.cases.CaseSummary;
import org.partnershippathways.cases.Cases;
import org.partnershippathways.platform.NotFoundException;
import org.partnershippathways.security.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A Caldicott guardian's restriction (UK GDPR Article 18) and erasure (Article 17) of a case, with grounds.
 * Restriction keeps everything but stops every further disclosure at once; erasure removes the person's data from our
 * tables and from the engine's runtime and history, and leaves a tombstone that says what was erased, never what it
 * said.
 */
@Service
class GuardianDecisions {

  static final String RESTRICTION = "RESTRICTION";
  static final String ERASURE = "ERASURE";
  private final Cases cases;
  private final CaseInEngine engine;
  private final DecisionTable decisions;
  private final CaseRows rows;
  private final CurrentUser currentUser;

  GuardianDecisions(Cases cases, CaseInEngine engine, DecisionTable decisions, CaseRows rows,
      CurrentUser currentUser) {
    this.cases = cases;
    this.engine = engine;
    this.decisions = decisions;
    this.rows = rows;
    this.currentUser = currentUser;
  }

  @Transactional
  DecisionTable.Decision restrict(String caseId, String grounds) {
    CaseSummary summary = existing(caseId);
    Instant now = Instant.now();
    String notice = "Restricted by a Caldicott guardian on " + UkDates.day(now)
        + ": nothing more about this person is shared with partners.";
    List<String> instances = currentUser.asSystem(() -> engine.instances(caseId,
        cases.processInstanceId(caseId).orElse(null)));
    DecisionTable.Decision decision = decisions.insert(caseId, partnershipOf(caseId), summary.reference(),
        RESTRICTION, grounds.trim(), null, currentUser.actingId(), now);
    cases.restrict(caseId, decision.id(), now);
    int pending = currentUser.asSystem(() -> engine.restrict(instances, notice));
    return new DecisionTable.Decision(decision.id(), caseId, summary.reference(), RESTRICTION, decision.grounds(),
        notice + " Pending partner requests ended: " + pending + ".", decision.decidedBy(), now);
  }

  @Transactional
  DecisionTable.Decision erase(String caseId, String grounds) {
    CaseSummary summary = existing(caseId);
    String partnership = partnershipOf(caseId);
    Instant now = Instant.now();
    String rootInstance = cases.processInstanceId(caseId).orElse(null);
    int instances = currentUser.asSystem(() -> engine.erase(engine.instances(caseId, rootInstance),
        "Erased by a Caldicott guardian's decision"));
    Map<String, Integer> removed = rows.remove(caseId);
    String whatWasDone = "Erased on " + UkDates.day(now) + ": " + CaseRows.described(removed) + "; " + instances
        + " process instances of the engine with their variables, tasks, comments and history. The disclosure"
        + " ledger keeps its rows (they name no one).";
    return decisions.insert(caseId, partnership, summary.reference(), ERASURE, grounds.trim(), whatWasDone,
        currentUser.actingId(), now);
  }

  List<DecisionTable.Decision> latest() {
    return decisions.latest(currentUser.partnerships(), 1000);
  }

  private String partnershipOf(String caseId) {
    return cases.partnershipOf(caseId).orElseThrow(() -> new NotFoundException("No case " + caseId));
  }

  private CaseSummary existing(String caseId) {
    return cases.summary(caseId).orElseThrow(() -> new NotFoundException("No case " + caseId));
  }
}

package org.partnershippathways.caseview;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.partnershippathways.security.Agency;
import org.partnershippathways.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * The escalations our tables do not record, from the engine's history (its public API, read as the system once
 * the caller may read the case): a meeting not scheduled in time, a statutory referral not decided in time. Action
 * reminders and escalations are in {@code action_event} ({@link AgencyWorkRows}).
 */
@Component
record EngineEscalations(HistoryService history, CurrentUser currentUser) {

  /** A timer that escalates: what it means, and the agencies (besides the hub) that may read it. */
  private record Escalation(String what, Set<String> agencies) {
  }

  private static final Map<String, Escalation> ESCALATIONS = Map.of(
      "BoundaryEvent_NotScheduledInTime", new Escalation(
          "Meeting not scheduled in 2 working days: escalated to the pathway managers", DatedEntry.HUB_ONLY),
      "BoundaryEvent_ReferralOverdue", new Escalation("Statutory referral not decided in time: escalated to the"
          + " social care managers and the out-of-hours duty team", Set.of(Agency.SOCIAL_CARE.groupId())));

  List<DatedEntry> of(String caseId) {
    return currentUser.asSystem(() -> history.createHistoricProcessInstanceQuery()
        .variableValueEquals("caseId", caseId).list().stream()
        .map(HistoricProcessInstance::getId)
        .flatMap(instance -> history.createHistoricActivityInstanceQuery().processInstanceId(instance)
            .activityType("boundaryTimer").list().stream())
        .filter(activity -> ESCALATIONS.containsKey(activity.getActivityId()))
        .map(this::entry)
        .toList());
  }

  private DatedEntry entry(HistoricActivityInstance activity) {
    Escalation escalation = ESCALATIONS.get(activity.getActivityId());
    return new DatedEntry(activity.getStartTime().toInstant(), "escalation", escalation.what(), null, null,
        null, null, escalation.agencies(), false);
  }
}

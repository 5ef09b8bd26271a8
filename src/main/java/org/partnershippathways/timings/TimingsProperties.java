package org.partnershippathways.timings;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the managers' timings measure ({@code pathways.timings.*}). The defaults are the stages of the main
 * pathway as docs/architecture.md names them; a changed model only needs changed ids here.
 *
 * @param caseProcessKeys process definition keys whose instances are cases (for the weekly trend)
 * @param stages the stages, in the order shown
 * @param defaultWeeks the period shown when none is asked for
 * @param metricsRefresh how often the Prometheus gauges are recomputed
 */
@ConfigurationProperties("pathways.timings")
public record TimingsProperties(List<String> caseProcessKeys, List<TimingStage> stages, Integer defaultWeeks,
    Duration metricsRefresh) {

  static final String PATHWAY = "early-intervention-pathway";
  static final String MEETING_DUE_DATE = "meetingDueDate";

  public TimingsProperties {
    caseProcessKeys = caseProcessKeys == null || caseProcessKeys.isEmpty() ? List.of(PATHWAY) : List.copyOf(caseProcessKeys);
    stages = stages == null || stages.isEmpty() ? pathwayStages() : List.copyOf(stages);
    defaultWeeks = defaultWeeks == null ? 12 : defaultWeeks;
    metricsRefresh = metricsRefresh == null ? Duration.ofMinutes(1) : metricsRefresh;
  }

  /** The stages of docs/architecture.md ("Stages for managers' timings"). */
  static List<TimingStage> pathwayStages() {
    List<String> pathway = List.of(PATHWAY);
    return List.of(
        new TimingStage("triage", pathway, null, "Task_ConfirmTriage", 1, MEETING_DUE_DATE),
        new TimingStage("consent", pathway, "CallActivity_ConsentCheck", "CallActivity_ConsentCheck", 2,
            MEETING_DUE_DATE),
        new TimingStage("information sharing", pathway, "CallActivity_InformationSharing",
            "Task_ReviewGatheredInformation", 5, MEETING_DUE_DATE),
        new TimingStage("meeting", pathway, "CallActivity_MultiAgencyMeeting", "CallActivity_MultiAgencyMeeting",
            null, MEETING_DUE_DATE),
        new TimingStage("actions", pathway, "CallActivity_ActionTracking", "CallActivity_ActionTracking", null,
            null),
        new TimingStage("review", pathway, "Task_ReviewCase", "Task_ReviewCase", 5, null));
  }
}

package org.partnershippathways.timings;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The managers' figures for one period. Durations are in working days (of the calendar, one decimal); "in progress" and
 * "past target" are as of {@code generatedAt}, the other figures are about the period.
 */
public record TimingsReport(LocalDate from, LocalDate to, Instant generatedAt, List<StageFigures> stages,
    int casesPastTarget, List<AgencyOverdueActions> overdueActions, List<WeekTrend> trend,
    List<LateMeeting> meetingsScheduledLate) {

  /**
   * A breach of the meeting timescale: a meeting scheduled (in the period) for after the due date triage set, with
   * the coordinator's reason. {@code workingDaysLate}: working days from the due date to the meeting's day.
   */
  public record LateMeeting(String caseReference, int round, LocalDate dueDate, LocalDate meetingDay,
      int workingDaysLate, String reason, String scheduledBy) {
  }

  /** One stage: cases in it now, passes completed in the period and how long they took. */
  public record StageFigures(String stage, int inProgress, int pastTarget, int completed,
      Double medianWorkingDays, Double p90WorkingDays) {

    @JsonProperty("stageName")
    public String stageName() {
      return TimingsWords.stage(stage);
    }
  }

  /**
   * Open actions of one agency past their due date, and how many of them were escalated to the agency's managers
   * (level 1) or to the pathway managers (level 2).
   */
  public record AgencyOverdueActions(String agency, int overdue, int escalatedToAgencyManagers,
      int escalatedToPathwayManagers) {

    @JsonProperty("agencyName")
    public String agencyName() {
      return TimingsWords.agency(agency);
    }
  }

  /** One ISO week (Monday {@code weekStart}): cases started, cases closed, median duration of the closed ones. */
  public record WeekTrend(String week, LocalDate weekStart, int casesStarted, int casesClosed,
      Double medianCaseWorkingDays) {

    /** "w/c 30 Nov 2026", as a week is named in the UK. */
    @JsonProperty("weekName")
    public String weekName() {
      return TimingsWords.weekCommencing(weekStart);
    }
  }
}

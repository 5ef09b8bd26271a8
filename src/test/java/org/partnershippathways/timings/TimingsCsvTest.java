package org.partnershippathways.timings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.partnershippathways.timings.TimingsReport.AgencyOverdueActions;
import org.partnershippathways.timings.TimingsReport.StageFigures;
import org.partnershippathways.timings.TimingsReport.WeekTrend;

class TimingsCsvTest {

  final TimingsReport report = new TimingsReport(LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 11), Instant.EPOCH,
      List.of(new StageFigures("information sharing", 3, 1, 2, 1.5, null),
          new StageFigures("odd, \"quoted\"", 0, 0, 0, null, null)),
      1, List.of(new AgencyOverdueActions("=cmd", 2, 1, 0)),
      List.of(new WeekTrend("2026-W02", LocalDate.of(2026, 1, 5), 4, 1, 3.5)), List.of());

  @Test
  void writesOneTableWithAHeaderAndEmptyCellsForMissingFigures() {
    assertThat(TimingsCsv.write(report, "stages")).isEqualTo(
        "Stage,In progress,Past target,Completed,Median (working days),90th percentile (working days)\r\n"
            + "Information sharing,3,1,2,1.5,\r\n"
            + "\"Odd, \"\"quoted\"\"\",0,0,0,,\r\n");
    assertThat(TimingsCsv.write(report, "trend")).isEqualTo("Week,Cases started,Cases closed,"
        + "Median case duration (working days)\r\nw/c 05/01/2026,4,1,3.5\r\n");
  }

  @Test
  void agenciesAreNamedInWords() {
    TimingsReport socialCare = new TimingsReport(report.from(), report.to(), Instant.EPOCH, List.of(), 0,
        List.of(new AgencyOverdueActions("social-care", 1, 0, 0)), List.of(), List.of());
    assertThat(TimingsCsv.write(socialCare, "overdue-actions")).isEqualTo("Agency,Overdue actions,"
        + "Escalated to the agency's managers,Escalated to the pathway managers\r\nSocial care,1,0,0\r\n");
  }

  @Test
  void meetingsScheduledLaterThanTheTimescaleAreATable() {
    TimingsReport late = new TimingsReport(report.from(), report.to(), Instant.EPOCH, List.of(), 0, List.of(),
        List.of(), List.of(new TimingsReport.LateMeeting("PP-2026-000042", 1, LocalDate.of(2026, 1, 7),
            LocalDate.of(2026, 1, 9), 2, "The GP could only attend on Friday", "coordinator")));
    assertThat(TimingsCsv.write(late, "late-meetings")).isEqualTo("Case,Meeting,Due by,Meeting day,"
        + "Working days late,Reason,Scheduled by\r\nPP-2026-000042,1,07/01/2026,09/01/2026,2,"
        + "The GP could only attend on Friday,coordinator\r\n");
  }

  @Test
  void percentilesInterpolateAsTheDatabaseDid() {
    assertThat(TimingsService.percentile(List.of(), 0.5)).isNull();
    assertThat(TimingsService.percentile(List.of(2.0), 0.9)).isEqualTo(2.0);
    assertThat(TimingsService.percentile(List.of(10.0, 2.0, 4.0), 0.5)).isEqualTo(4.0);
    assertThat(TimingsService.oneDecimal(TimingsService.percentile(List.of(10.0, 2.0, 4.0), 0.9))).isEqualTo(8.8);
    assertThat(TimingsService.percentile(List.of(1.0, 2.0, 3.0, 4.0), 0.5)).isEqualTo(2.5);
  }

  @Test
  void aCellNeverStartsAFormula() {
    assertThat(TimingsCsv.write(report, "overdue-actions")).contains("\r\n'=cmd,2,1,0\r\n");
  }

  @Test
  void weeksAreNamedAsIso8601ForMachinesAndWeekCommencingForPeople() {
    assertThat(TimingsService.isoWeek(LocalDate.of(2026, 1, 1))).isEqualTo("2026-W01");
    assertThat(TimingsService.isoWeek(LocalDate.of(2027, 1, 1))).isEqualTo("2026-W53");
    assertThat(TimingsWords.weekCommencing(LocalDate.of(2026, 11, 30))).isEqualTo("w/c 30/11/2026");
  }
}

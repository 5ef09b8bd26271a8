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
      List.of(new StageFigures("information sharing", 3, 1, 2, 24.0, null),
          new StageFigures("odd, \"quoted\"", 0, 0, 0, null, null)),
      1, List.of(new AgencyOverdueActions("=cmd", 2, 1, 0)),
      List.of(new WeekTrend("2026-W02", LocalDate.of(2026, 1, 5), 4, 1, 72.5)), List.of());

  @Test
  void writesOneTableWithAHeaderAndEmptyCellsForMissingFigures() {
    assertThat(TimingsCsv.write(report, "stages")).isEqualTo(
        "stage,in_progress,past_target,completed,median_hours,p90_hours\r\n"
            + "information sharing,3,1,2,24.0,\r\n"
            + "\"odd, \"\"quoted\"\"\",0,0,0,,\r\n");
    assertThat(TimingsCsv.write(report, "trend")).endsWith("2026-W02,2026-01-05,4,1,72.5\r\n");
  }

  @Test
  void aCellNeverStartsAFormula() {
    assertThat(TimingsCsv.write(report, "overdue-actions")).contains("\r\n'=cmd,2,1,0\r\n");
  }

  @Test
  void isoWeeksAreNamedAsIso8601() {
    assertThat(TimingsService.isoWeek(LocalDate.of(2026, 1, 1))).isEqualTo("2026-W01");
    assertThat(TimingsService.isoWeek(LocalDate.of(2027, 1, 1))).isEqualTo("2026-W53");
    assertThat(TimingsService.hours(5_400_000.0)).isEqualTo(1.5);
  }
}

package org.partnershippathways.timings;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.partnershippathways.platform.InvalidRequestException;

/**
 * The report's tables as CSV for a spreadsheet (RFC 4180, comma separated): headers, stages and agencies in words,
 * durations in working days, weeks as "w/c 5 Jan 2026", days as dd/mm/yyyy.
 */
final class TimingsCsv {

  static final List<String> TABLES = List.of("stages", "overdue-actions", "trend", "late-meetings");

  private TimingsCsv() {
  }

  static String write(TimingsReport report, String table) {
    String name = table == null || table.isBlank() ? "stages" : table;
    return switch (name) {
      case "stages" -> lines(Stream.concat(
          Stream.of(row("Stage", "In progress", "Past target", "Completed",
              "Median (working days)", "90th percentile (working days)")),
          report.stages().stream().map(s -> row(TimingsWords.stage(s.stage()), s.inProgress(), s.pastTarget(),
              s.completed(), s.medianWorkingDays(), s.p90WorkingDays()))));
      case "overdue-actions" -> lines(Stream.concat(
          Stream.of(row("Agency", "Overdue actions", "Escalated to the agency's managers",
              "Escalated to the pathway managers")),
          report.overdueActions().stream().map(a -> row(TimingsWords.agency(a.agency()), a.overdue(),
              a.escalatedToAgencyManagers(), a.escalatedToPathwayManagers()))));
      case "trend" -> lines(Stream.concat(
          Stream.of(row("Week", "Cases started", "Cases closed",
              "Median case duration (working days)")),
          report.trend().stream().map(w -> row(w.weekName(), w.casesStarted(), w.casesClosed(),
              w.medianCaseWorkingDays()))));
      case "late-meetings" -> lines(Stream.concat(
          Stream.of(row("Case", "Meeting", "Due by", "Meeting day", "Working days late", "Reason", "Scheduled by")),
          report.meetingsScheduledLate().stream().map(m -> row(m.caseReference(), m.round(),
              TimingsWords.day(m.dueDate()), TimingsWords.day(m.meetingDay()), m.workingDaysLate(), m.reason(),
              m.scheduledBy()))));
      default -> throw new InvalidRequestException("table", "must be one of " + String.join(", ", TABLES));
    };
  }

  private static String lines(Stream<String> rows) {
    return rows.collect(Collectors.joining("\r\n", "", "\r\n"));
  }

  private static String row(Object... values) {
    return Stream.of(values).map(TimingsCsv::field).collect(Collectors.joining(","));
  }

  private static String field(Object value) {
    if (value == null) {
      return "";
    }
    String text = value.toString();
    if (text.startsWith("=") || text.startsWith("+") || text.startsWith("-") || text.startsWith("@")) {
      text = "'" + text; // a spreadsheet must not run a cell as a formula
    }
    return text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
        ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
  }
}

package org.partnershippathways.timings;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.partnershippathways.platform.FieldProblem;
import org.partnershippathways.platform.InvalidRequestException;

/** The days a report covers, both included. */
record TimingsPeriod(LocalDate from, LocalDate to) {

  /** Longest period asked for at once: the weekly trend stays readable and the queries bounded. */
  static final int MAX_DAYS = 3 * 366;

  /** From request parameters (ISO dates, both optional); by default the last {@code defaultWeeks} weeks. */
  static TimingsPeriod parse(String from, String to, LocalDate today, int defaultWeeks) {
    List<FieldProblem> problems = new ArrayList<>();
    LocalDate toDate = parseDate("to", to, problems);
    LocalDate fromDate = parseDate("from", from, problems);
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    LocalDate end = toDate != null ? toDate : today;
    LocalDate start = fromDate != null ? fromDate : end.minusWeeks(defaultWeeks).plusDays(1);
    if (start.isAfter(end)) {
      throw new InvalidRequestException("from", "must not be after to (" + end + ")");
    }
    if (start.plusDays(MAX_DAYS).isBefore(end)) {
      throw new InvalidRequestException("to", "must be at most " + MAX_DAYS + " days after from");
    }
    return new TimingsPeriod(start, end);
  }

  private static LocalDate parseDate(String field, String value, List<FieldProblem> problems) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      problems.add(new FieldProblem(field, "must be a date such as 2026-01-31"));
      return null;
    }
  }
}

package org.partnershippathways.platform;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * A report's period asked for in the query parameters {@code from} (inclusive) and {@code to} (exclusive): dates
 * ({@code 2026-11-01}) mean the start of that day in London; instants ({@code 2026-11-01T09:00:00Z}) are taken as
 * they are. Without {@code to}, now; without {@code from}, the default length before {@code to}.
 */
public record RequestedPeriod(Instant start, Instant end) {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  /** The period asked for; what is wrong with it is added to {@code problems} (then start and end are defaults). */
  public static RequestedPeriod of(String from, String to, Duration byDefault, List<FieldProblem> problems) {
    Instant end = instant("to", to, Instant.now(), problems);
    Instant start = instant("from", from, end.minus(byDefault), problems);
    if (problems.isEmpty() && !start.isBefore(end)) {
      problems.add(new FieldProblem("from", "must be before 'to'"));
    }
    return new RequestedPeriod(start, end);
  }

  public Duration length() {
    return Duration.between(start, end);
  }

  private static Instant instant(String field, String value, Instant fallback, List<FieldProblem> problems) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(LONDON).toInstant() : Instant.parse(value);
    } catch (DateTimeParseException e) {
      problems.add(new FieldProblem(field, "must be a date (2026-11-01) or an instant (2026-11-01T09:00:00Z)"));
      return fallback;
    }
  }
}

package org.partnershippathways.meeting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Optional;

/**
 * Values as Camunda Forms submit them: text, booleans, and dates as ISO strings ({@code 2026-12-01},
 * {@code 2026-12-01T10:00+00:00} or without offset, read in the pathway's time zone).
 */
final class FormValues {

  private FormValues() {
  }

  static String text(Object value) {
    return value == null || value.toString().isBlank() ? null : value.toString().strip();
  }

  static boolean yes(Object value) {
    return value instanceof Boolean flag ? flag : "true".equalsIgnoreCase(String.valueOf(value));
  }

  /** Empty when there is no value; throws DateTimeParseException when there is one that is not a date. */
  static Optional<LocalDate> day(Object value, ZoneId zone) {
    if (value instanceof Date date) {
      return Optional.of(date.toInstant().atZone(zone).toLocalDate());
    }
    if (value instanceof LocalDate day) {
      return Optional.of(day);
    }
    String text = text(value);
    if (text == null) {
      return Optional.empty();
    }
    return Optional.of(LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text));
  }

  static Optional<Instant> moment(Object value, ZoneId zone) {
    if (value instanceof Date date) {
      return Optional.of(date.toInstant());
    }
    String text = text(value);
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeParseException noOffset) {
      return Optional.of(LocalDateTime.parse(text).atZone(zone).toInstant());
    }
  }
}

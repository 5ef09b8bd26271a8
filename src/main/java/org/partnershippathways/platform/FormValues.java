package org.partnershippathways.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Values as Camunda Forms and the engine's REST API submit them, read in one way everywhere: text, yes/no, dates
 * as ISO strings ({@code 2026-12-01}, {@code 2026-12-01T10:00+00:00} or without offset, read in the pathway's time
 * zone) or dates, and checklists.
 */
public final class FormValues {

  private FormValues() {
  }

  /** The text without surrounding blanks; null when there is none. */
  public static String text(Object value) {
    return value == null || value.toString().isBlank() ? null : value.toString().strip();
  }

  /** A ticked checkbox or {@code "true"}. */
  public static boolean yes(Object value) {
    return value instanceof Boolean flag ? flag : "true".equalsIgnoreCase(String.valueOf(value));
  }

  /** A yes or no; null when there is neither (nothing, or text that is not {@code true} or {@code false}). */
  public static Boolean yesOrNo(Object value) {
    if (value instanceof Boolean flag) {
      return flag;
    }
    String text = text(value);
    return "true".equals(text) || "false".equals(text) ? Boolean.valueOf(text) : null;
  }

  /** Empty when there is no value; throws DateTimeParseException when there is one that is not a date. */
  public static Optional<LocalDate> day(Object value, ZoneId zone) {
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

  /** A date as the text {@code yyyy-MM-dd} (a date-time's day), for validation that names a wrong value. */
  public static String dayText(Object value, ZoneId zone) {
    if (value instanceof Date || value instanceof LocalDate) {
      return day(value, zone).map(LocalDate::toString).orElse(null);
    }
    String text = text(value);
    // Camunda Forms' date picker may send a date-time
    return text != null && text.length() > 10 && text.charAt(10) == 'T' ? text.substring(0, 10) : text;
  }

  public static Optional<Instant> moment(Object value, ZoneId zone) {
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

  /** A checklist: a JSON array, a list, or comma-separated text (with or without brackets and quotes). */
  public static List<String> list(Object value) {
    List<String> values = new ArrayList<>();
    if (value instanceof SpinJsonNode node && node.isArray()) {
      node.elements().forEach(element -> values.add(element.stringValue()));
    } else if (value instanceof Collection<?> collection) {
      collection.forEach(element -> values.add(String.valueOf(element)));
    } else if (value != null) {
      String text = value.toString().replace("[", "").replace("]", "").replace("\"", "");
      for (String part : text.split(",")) {
        if (!part.isBlank()) {
          values.add(part.strip());
        }
      }
    }
    return values;
  }
}

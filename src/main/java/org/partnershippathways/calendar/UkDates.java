package org.partnershippathways.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Days as people in the UK write them: 08/12/2026, and moments as UK days and times: 08/12/2026 14:05. */
public final class UkDates {

  /** Where the partnership's people read a moment: the UK's clock (GMT or BST). */
  public static final ZoneId UK = ZoneId.of("Europe/London");

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

  private UkDates() {
  }

  public static String day(LocalDate day) {
    return day == null ? null : DAY.format(day);
  }

  /** The UK day of a moment: 08/12/2026. */
  public static String day(Instant moment) {
    return moment == null ? null : DAY.format(moment.atZone(UK));
  }

  /** A moment as the local day and 24-hour time: 08/12/2026 14:05. */
  public static String dayAndTime(Instant moment, ZoneId zone) {
    return moment == null ? null : DAY_AND_TIME.format(moment.atZone(zone));
  }

  /** A moment as the UK day and 24-hour time: 08/12/2026 14:05. */
  public static String dayAndTime(Instant moment) {
    return dayAndTime(moment, UK);
  }
}

package org.partnershippathways.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Days as people in the UK write them: 08/12/2026. */
public final class UkDates {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

  private UkDates() {
  }

  public static String day(LocalDate day) {
    return day == null ? null : DAY.format(day);
  }

  /** A moment as the local day and 24-hour time: 08/12/2026 14:05. */
  public static String dayAndTime(Instant moment, ZoneId zone) {
    return moment == null ? null : DAY_AND_TIME.format(moment.atZone(zone));
  }
}

package org.partnershippathways.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Days as people in the UK write them: 08/12/2026. */
public final class UkDates {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private UkDates() {
  }

  public static String day(LocalDate day) {
    return day == null ? null : DAY.format(day);
  }
}

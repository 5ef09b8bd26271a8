package org.partnershippathways.actions;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;

/** An action is due by the end of its due day; timers and the task's due date use that moment. */
final class ActionDueDates {

  private ActionDueDates() {
  }

  static Date endOf(LocalDate day, ZoneId zone) {
    return Date.from(day.atTime(LocalTime.of(23, 59, 59)).atZone(zone).toInstant());
  }
}

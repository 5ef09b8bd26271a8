package org.partnershippathways.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Working days in England and Wales: Monday to Friday, except bank holidays. Adding working days keeps the
 * time of day; counting starts on the next working day, so a concern raised on a Saturday has one working
 * day to Monday at the same time, and so has one raised on the Friday before.
 */
public class WorkingDayCalendar {

  private volatile Set<LocalDate> holidays;
  private final ZoneId zone;

  public WorkingDayCalendar(Set<LocalDate> holidays, ZoneId zone) {
    this.holidays = Set.copyOf(holidays);
    this.zone = zone;
  }

  public ZoneId zone() {
    return zone;
  }

  /**
   * Adds bank holidays loaded after start (an administrator's new year's list, {@code BankHolidayLists}); returns
   * how many were new.
   */
  public synchronized int addHolidays(Collection<LocalDate> more) {
    Set<LocalDate> all = new HashSet<>(holidays);
    int before = all.size();
    all.addAll(more);
    holidays = Set.copyOf(all);
    return all.size() - before;
  }

  /** The last bank holiday the calendar knows: after it, working days are counted without any. */
  public Optional<LocalDate> lastHoliday() {
    return holidays.stream().max(LocalDate::compareTo);
  }

  public boolean isWorkingDay(LocalDate day) {
    return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
        && !holidays.contains(day);
  }

  /** Moves by the given number of working days: forwards when positive, backwards when negative. */
  public ZonedDateTime plusWorkingDays(ZonedDateTime from, int workingDays) {
    int step = workingDays < 0 ? -1 : 1;
    ZonedDateTime result = from;
    for (int remaining = Math.abs(workingDays); remaining > 0; ) {
      result = result.plusDays(step);
      if (isWorkingDay(result.toLocalDate())) {
        remaining--;
      }
    }
    return result;
  }

  public Date plusWorkingDays(Date from, int workingDays) {
    return Date.from(plusWorkingDays(from.toInstant().atZone(zone), workingDays).toInstant());
  }

  /** Working days after {@code from} up to and including {@code to}; negative when {@code to} is earlier. */
  public int workingDaysBetween(LocalDate from, LocalDate to) {
    if (to.isBefore(from)) {
      return -workingDaysBetween(to, from);
    }
    int count = 0;
    for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
      if (isWorkingDay(day)) {
        count++;
      }
    }
    return count;
  }
}

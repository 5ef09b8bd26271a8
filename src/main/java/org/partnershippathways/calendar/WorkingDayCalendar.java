package org.partnershippathways.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
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

  private static final double NANOS_PER_DAY = 24 * 3600 * 1_000_000_000.0;

  /**
   * How many working days passed from one moment to a later one, as {@link #plusWorkingDays} counts them: the
   * working days after {@code from}'s day up to {@code to}'s day, plus the difference of their times of day as a
   * fraction of a day (Friday 15:00 to Monday 09:00 is 0.75). Never below zero: a stage that began and ended in
   * one weekend took none.
   */
  public double workingDaysElapsed(Instant from, Instant to) {
    ZonedDateTime start = from.atZone(zone);
    ZonedDateTime end = to.atZone(zone);
    double days = workingDaysBetween(start.toLocalDate(), end.toLocalDate())
        + (end.toLocalTime().toNanoOfDay() - start.toLocalTime().toNanoOfDay()) / NANOS_PER_DAY;
    return Math.max(0, days);
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

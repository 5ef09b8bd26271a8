package org.partnershippathways.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

class WorkingDayCalendarTest {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private final Set<LocalDate> shipped = BankHolidays.read(new ClassPathResource(BankHolidays.SHIPPED), List.of());
  private final WorkingDayCalendar calendar = new WorkingDayCalendar(shipped, LONDON);

  private static ZonedDateTime at(String date, int hour) {
    return LocalDate.parse(date).atTime(hour, 0).atZone(LONDON);
  }

  @Test
  void shipsEveryBankHolidayFrom2025To2028OnAWeekday() {
    assertThat(shipped).hasSize(32);
    for (int year = 2025; year <= 2028; year++) {
      int y = year;
      assertThat(shipped.stream().filter(day -> day.getYear() == y)).as("year " + year).hasSize(8);
    }
    assertThat(shipped).allMatch(day -> day.getDayOfWeek() != DayOfWeek.SATURDAY
        && day.getDayOfWeek() != DayOfWeek.SUNDAY);
  }

  @Test
  void skipsTheWeekend() {
    // Friday 27 November 2026 + 1 working day = Monday 30 November, same time
    assertThat(calendar.plusWorkingDays(at("2026-11-27", 10), 1)).isEqualTo(at("2026-11-30", 10));
    // A concern raised on a Saturday has one working day: Monday
    assertThat(calendar.plusWorkingDays(at("2026-11-28", 10), 1)).isEqualTo(at("2026-11-30", 10));
    assertThat(calendar.plusWorkingDays(at("2026-11-25", 9), 5)).isEqualTo(at("2026-12-02", 9));
  }

  @Test
  void skipsBankHolidays() {
    // Thursday 2 April 2026 + 1 = Tuesday 7 April (Good Friday and Easter Monday in between)
    assertThat(calendar.plusWorkingDays(at("2026-04-02", 14), 1)).isEqualTo(at("2026-04-07", 14));
    // Substitute days: Christmas 2027 falls on a weekend, 27 and 28 December are off
    assertThat(calendar.plusWorkingDays(at("2027-12-24", 9), 1)).isEqualTo(at("2027-12-29", 9));
  }

  @Test
  void crossesTheYearBoundary() {
    // Thursday 24 December 2026: Christmas Friday, weekend, Boxing Day substitute Monday 28, New Year's Day Friday
    assertThat(calendar.plusWorkingDays(at("2026-12-24", 9), 1)).isEqualTo(at("2026-12-29", 9));
    assertThat(calendar.plusWorkingDays(at("2026-12-24", 9), 4)).isEqualTo(at("2027-01-04", 9));
    // New Year's Day 2028 is a Saturday, so Monday 3 January is the substitute
    assertThat(calendar.plusWorkingDays(at("2027-12-31", 9), 1)).isEqualTo(at("2028-01-04", 9));
  }

  @Test
  void movesBackwardsForRemindersBeforeADueDate() {
    // 2 working days before Tuesday 7 April 2026 is Wednesday 1 April (Easter in between)
    assertThat(calendar.plusWorkingDays(at("2026-04-07", 12), -2)).isEqualTo(at("2026-04-01", 12));
  }

  @Test
  void countsWorkingDaysBetweenDates() {
    assertThat(calendar.workingDaysBetween(LocalDate.parse("2026-12-24"), LocalDate.parse("2027-01-04"))).isEqualTo(4);
    assertThat(calendar.workingDaysBetween(LocalDate.parse("2027-01-04"), LocalDate.parse("2026-12-24"))).isEqualTo(-4);
  }

  @Test
  void takesExtraHolidaysFromConfiguration() {
    WorkingDayCalendar withExtra = new WorkingDayCalendar(
        BankHolidays.read(new ClassPathResource(BankHolidays.SHIPPED), List.of(LocalDate.parse("2026-11-30"))),
        LONDON);
    assertThat(withExtra.plusWorkingDays(at("2026-11-27", 10), 1)).isEqualTo(at("2026-12-01", 10));
  }

  @Test
  void theEngineCalendarCountsDaysAndWeeksAsWorkingDaysAndHoursAsClockTime() {
    WorkingDayBusinessCalendar engineCalendar = new WorkingDayBusinessCalendar(calendar, new DueDateBusinessCalendar());
    Date friday = Date.from(at("2026-11-27", 10).toInstant());
    assertThat(engineCalendar.resolveDuedate("P2D", friday)).isEqualTo(Date.from(at("2026-12-01", 10).toInstant()));
    assertThat(engineCalendar.resolveDuedate("P1W", friday)).isEqualTo(Date.from(at("2026-12-04", 10).toInstant()));
    assertThat(engineCalendar.resolveDuedate("PT4H", friday)).isEqualTo(Date.from(at("2026-11-27", 14).toInstant()));
    assertThat(engineCalendar.resolveDuedate("P1DT2H", friday))
        .isEqualTo(Date.from(at("2026-11-30", 12).toInstant()));
  }

  @Test
  void theEngineCalendarLeavesDatesToCamunda() {
    WorkingDayBusinessCalendar engineCalendar = new WorkingDayBusinessCalendar(calendar, new DueDateBusinessCalendar());
    Date due = engineCalendar.resolveDuedate("2026-12-25T09:00:00", new Date());
    assertThat(due.toInstant().atZone(ZoneId.systemDefault()).toLocalDate()).isEqualTo(LocalDate.parse("2026-12-25"));
  }

  @Test
  void measuresElapsedWorkingDaysAsAddingThemCounts() {
    // Friday 27 November 2026 15:00 to Monday 30 November 09:00: the weekend does not count
    assertThat(calendar.workingDaysElapsed(at("2026-11-27", 15).toInstant(), at("2026-11-30", 9).toInstant()))
        .isEqualTo(0.75);
    // what plusWorkingDays adds, from a Saturday too, measures back as those working days
    ZonedDateTime saturday = at("2026-11-28", 10);
    assertThat(calendar.workingDaysElapsed(saturday.toInstant(), calendar.plusWorkingDays(saturday, 3).toInstant()))
        .isEqualTo(3.0);
    // Christmas Eve 09:00 to 29 December 09:00: Christmas Day and Boxing Day (on Monday 28th) are bank holidays
    assertThat(calendar.workingDaysElapsed(at("2026-12-24", 9).toInstant(), at("2026-12-29", 9).toInstant()))
        .isEqualTo(1.0);
    // within one weekend, none; from 09:00 to 21:00 of a working day, half a day
    assertThat(calendar.workingDaysElapsed(at("2026-11-28", 15).toInstant(), at("2026-11-29", 9).toInstant()))
        .isZero();
    assertThat(calendar.workingDaysElapsed(at("2026-11-30", 9).toInstant(), at("2026-11-30", 21).toInstant()))
        .isEqualTo(0.5);
  }
}

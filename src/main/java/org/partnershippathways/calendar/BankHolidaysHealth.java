package org.partnershippathways.calendar;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * Health component {@code bankHolidays}: WARNING (answered 200, see application.yaml) when the working-day calendar
 * knows bank holidays for less than 12 more months; after its last one every weekday counts as a working day. An
 * administrator loads the next list with {@code POST /api/calendar/bank-holidays}.
 */
@Component("bankHolidays")
class BankHolidaysHealth implements HealthIndicator {

  static final Status WARNING = new Status("WARNING", "Less than 12 months of bank holidays left: load the next list");
  static final int MONTHS_WANTED = 12;

  private final WorkingDayCalendar calendar;
  private final Clock clock;

  @Autowired
  BankHolidaysHealth(WorkingDayCalendar calendar) {
    this(calendar, Clock.systemUTC());
  }

  BankHolidaysHealth(WorkingDayCalendar calendar, Clock clock) {
    this.calendar = calendar;
    this.clock = clock;
  }

  @Override
  public Health health() {
    LocalDate today = LocalDate.now(clock.withZone(calendar.zone()));
    LocalDate last = calendar.lastHoliday().orElse(today);
    Health.Builder health = last.isBefore(today.plusMonths(MONTHS_WANTED)) ? Health.status(WARNING) : Health.up();
    return health.withDetail("lastBankHoliday", last.toString()).build();
  }
}

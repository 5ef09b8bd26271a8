package org.partnershippathways.calendar;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class CalendarConfiguration {

  @Bean
  WorkingDayCalendar workingDayCalendar(CalendarProperties properties) {
    return new WorkingDayCalendar(BankHolidays.read(properties.holidays(), properties.extraHolidays()),
        properties.zone());
  }

  @Bean
  WorkingDays workingDays(WorkingDayCalendar calendar) {
    return new WorkingDays(calendar);
  }

  @Bean
  WorkingDayCalendarPlugin workingDayCalendarPlugin(WorkingDayCalendar calendar) {
    return new WorkingDayCalendarPlugin(calendar);
  }
}

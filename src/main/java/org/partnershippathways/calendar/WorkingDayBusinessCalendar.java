package org.partnershippathways.calendar;

import java.time.ZonedDateTime;
import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;

/**
 * The engine's calendar for timer durations and task due dates: in our models the days and weeks of an ISO 8601
 * duration are working days ({@code P2D} is two working days, {@code P1W} five), hours, minutes and seconds are
 * clock time. Anything else (dates, months, cycles) is left to Camunda's own calendar.
 */
record WorkingDayBusinessCalendar(WorkingDayCalendar calendar, BusinessCalendar fallback) implements BusinessCalendar {

  private static final Pattern WORKING_DURATION =
      Pattern.compile("^P(?:(\\d+)W)?(?:(\\d+)D)?(?:T(?:(\\d+)H)?(?:(\\d+)M)?(?:(\\d+)S)?)?$");

  @Override
  public Date resolveDuedate(String duedateDescription) {
    return resolveDuedate(duedateDescription, ClockUtil.getCurrentTime());
  }

  @Override
  public Date resolveDuedate(String duedateDescription, Task task) {
    return resolveDuedate(duedateDescription, ClockUtil.getCurrentTime());
  }

  @Override
  public Date resolveDuedate(String duedateDescription, Date startDate) {
    Matcher duration = duedateDescription == null ? null : WORKING_DURATION.matcher(duedateDescription.strip());
    if (duration == null || !duration.matches() || duedateDescription.strip().equals("P")
        || duedateDescription.strip().endsWith("T")) {
      return fallback.resolveDuedate(duedateDescription, startDate);
    }
    int workingDays = 5 * number(duration.group(1)) + number(duration.group(2));
    ZonedDateTime due = calendar.plusWorkingDays(startDate.toInstant().atZone(calendar.zone()), workingDays)
        .plusHours(number(duration.group(3)))
        .plusMinutes(number(duration.group(4)))
        .plusSeconds(number(duration.group(5)));
    return Date.from(due.toInstant());
  }

  private static int number(String group) {
    return group == null ? 0 : Integer.parseInt(group);
  }
}

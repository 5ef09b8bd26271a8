package org.partnershippathways.calendar;

import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Working-day arithmetic for BPMN expressions, available as the bean {@code workingDays}: for example a timer
 * {@code ${workingDays.before(dueDate, 2)}} or a due date {@code ${workingDays.after(1)}}.
 */
public class WorkingDays {

  private final WorkingDayCalendar calendar;

  public WorkingDays(WorkingDayCalendar calendar) {
    this.calendar = calendar;
  }

  /** The moment the given number of working days from now. */
  public Date after(int workingDays) {
    return calendar.plusWorkingDays(ClockUtil.getCurrentTime(), workingDays);
  }

  public Date after(Date from, int workingDays) {
    return calendar.plusWorkingDays(from, workingDays);
  }

  public Date before(Date due, int workingDays) {
    return calendar.plusWorkingDays(due, -workingDays);
  }
}

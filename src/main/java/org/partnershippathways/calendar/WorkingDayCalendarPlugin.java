package org.partnershippathways.calendar;

import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/** Registers the working-day calendar with the engine, for BPMN timer durations and task due dates. */
public class WorkingDayCalendarPlugin extends AbstractProcessEnginePlugin {

  private final WorkingDayCalendar calendar;

  public WorkingDayCalendarPlugin(WorkingDayCalendar calendar) {
    this.calendar = calendar;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    MapBusinessCalendarManager calendars = new MapBusinessCalendarManager();
    calendars.addBusinessCalendar(DurationBusinessCalendar.NAME,
        new WorkingDayBusinessCalendar(calendar, new DurationBusinessCalendar()));
    calendars.addBusinessCalendar(DueDateBusinessCalendar.NAME,
        new WorkingDayBusinessCalendar(calendar, new DueDateBusinessCalendar()));
    calendars.addBusinessCalendar(CycleBusinessCalendar.NAME, new CycleBusinessCalendar());
    configuration.setBusinessCalendarManager(calendars);
  }
}

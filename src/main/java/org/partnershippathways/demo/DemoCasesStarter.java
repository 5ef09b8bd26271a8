package org.partnershippathways.demo;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.partnershippathways.calendar.WorkingDayCalendar;
import org.partnershippathways.intake.ConcernIntake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * In demo mode, once the application is ready (the job executor and the partner sandbox run only then), creates
 * the demo cases on an empty database, in the background so that Tasklist and Cockpit are usable at once.
 */
class DemoCasesStarter {

  private static final Logger log = LoggerFactory.getLogger(DemoCasesStarter.class);

  private final DemoCases cases;

  DemoCasesStarter(ConcernIntake intake, TaskService tasks, RuntimeService runtime, ManagementService management,
      IdentityService identity, JdbcClient jdbc, WorkingDayCalendar calendar) {
    DemoDriver driver = new DemoDriver(intake, tasks, runtime, management, identity);
    this.cases = new DemoCases(driver, tasks, runtime, jdbc, calendar);
  }

  @EventListener(ApplicationReadyEvent.class)
  void createDemoCases() {
    if (cases.alreadyCreated()) {
      log.info("Demo cases: the database already holds cases; none added");
      return;
    }
    Thread worker = new Thread(() -> {
      try {
        cases.createAll();
        log.info("Demo cases: all created");
      } catch (RuntimeException failure) {
        log.warn("Demo cases: stopped early: {}", failure.getMessage());
      }
    }, "demo-cases");
    worker.setDaemon(true);
    worker.start();
  }
}

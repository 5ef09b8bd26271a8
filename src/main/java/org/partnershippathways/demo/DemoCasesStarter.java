package org.partnershippathways.demo;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.partnershippathways.calendar.WorkingDayCalendar;
import org.partnershippathways.intake.ConcernIntake;
import org.partnershippathways.security.Agency;
import org.partnershippathways.security.PathwayGroups;
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

  /** Who works each group's tasks in the demo (see the demo users in the README). */
  private static final Map<String, String> DEMO_USER_OF_GROUP = Map.ofEntries(
      Map.entry(PathwayGroups.COORDINATORS, "coordinator"), Map.entry(PathwayGroups.MANAGERS, "manager"),
      Map.entry(Agency.POLICE.groupId(), "police.officer"), Map.entry(Agency.HEALTH.groupId(), "health.practitioner"),
      Map.entry(Agency.SOCIAL_CARE.groupId(), "social.worker"), Map.entry(Agency.VOLUNTARY.groupId(), "voluntary.worker"),
      Map.entry(Agency.POLICE.managersGroupId(), "police.manager"),
      Map.entry(Agency.HEALTH.managersGroupId(), "health.manager"),
      Map.entry(Agency.SOCIAL_CARE.managersGroupId(), "social-care.manager"),
      Map.entry(Agency.VOLUNTARY.managersGroupId(), "voluntary.manager"));

  private final DemoCases cases;
  private final Optional<PartnerSandboxLauncher> sandbox;

  DemoCasesStarter(ConcernIntake intake, TaskService tasks, RuntimeService runtime, ManagementService management,
      IdentityService identity, JdbcClient jdbc, WorkingDayCalendar calendar, Optional<PartnerSandboxLauncher> sandbox) {
    this.sandbox = sandbox;
    CaseDriver driver = new CaseDriver(tasks, runtime, management, identity, calendar, DEMO_USER_OF_GROUP::get,
        Duration.ofMillis(250), Duration.ofSeconds(90));
    this.cases = new DemoCases(intake, identity, driver, tasks, runtime, jdbc, calendar);
  }

  @EventListener(ApplicationReadyEvent.class)
  void createDemoCases() {
    if (cases.alreadyCreated()) {
      log.info("Demo cases: the database already holds cases; none added");
      return;
    }
    Thread worker = new Thread(() -> {
      try {
        awaitPartnerSandbox();
        cases.createAll();
        log.info("Demo cases: all created");
      } catch (RuntimeException failure) {
        log.warn("Demo cases: stopped early: {}", failure.getMessage());
      }
    }, "demo-cases");
    worker.setDaemon(true);
    worker.start();
  }

  private void awaitPartnerSandbox() {
    if (sandbox.isEmpty()) {
      return;
    }
    try {
      if (!sandbox.get().awaitStarted(Duration.ofMinutes(2))) {
        log.warn("Demo cases: the partner sandbox is not running; cases that ask partners will wait for it");
      }
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the partner sandbox");
    }
  }
}

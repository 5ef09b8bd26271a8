package org.partnershippathways.timings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnershippathways.calendar.WorkingDayCalendar;
import org.partnershippathways.testsupport.PathwaysIntegrationTest;
import org.partnershippathways.testsupport.TestUsers;
import org.partnershippathways.timings.TimingsReport.AgencyOverdueActions;
import org.partnershippathways.timings.TimingsReport.StageFigures;
import org.partnershippathways.timings.TimingsReport.WeekTrend;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The figures for a known dataset: cases of the test process {@code timings-test-case} run by the engine at chosen
 * moments (the engine clock is set), in a February of a past year; the test cases of earlier runs (same PostgreSQL
 * database) are deleted first. Actions belong to an agency made up for this run.
 */
@PathwaysIntegrationTest
class TimingsIT {

  static final String KEY = "timings-test-case";
  static final List<TimingStage> TEST_STAGES = List.of(
      new TimingStage("triage", List.of(KEY), null, "Task_Triage", 1, null),
      new TimingStage("sharing", List.of(KEY), "Task_Gather", "Task_ReviewGathered", null, null),
      new TimingStage("meeting", List.of(KEY), "Task_Meeting", "Task_Meeting", null, "meetingDueDate"));

  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired TimingsQueries queries;
  @Autowired WorkingDayCalendar calendar;
  @Autowired TimingsMetrics metrics;
  @Autowired JdbcTemplate jdbc;
  @Autowired TestRestTemplate rest;
  @Autowired MeterRegistry meterRegistry;

  TimingsService timings;
  LocalDate day0;
  String agency;

  @BeforeEach
  void freshTestCases() {
    // Running test cases of earlier runs (same PostgreSQL database) would count as in progress.
    runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY).list()
        .forEach(pi -> runtimeService.deleteProcessInstance(pi.getId(), "earlier test run"));
    List<String> earlier = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(KEY).list()
        .stream().map(HistoricProcessInstance::getId).toList();
    if (!earlier.isEmpty()) {
      historyService.deleteHistoricProcessInstancesIfExists(earlier);
    }
    timings = new TimingsService(queries, new TimingsProperties(List.of(KEY), TEST_STAGES, 12, null), calendar);
    int year = ThreadLocalRandom.current().nextInt(2001, 2020);
    day0 = LocalDate.of(year, 2, 1).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
    agency = "tt-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @AfterEach
  void realClock() {
    ClockUtil.reset();
  }

  @Test
  void stageFiguresOfAKnownDataset() {
    knownCases();

    TimingsReport report = timings.report(day0, day0.plusDays(13));

    assertThat(report.stages()).containsExactly(
        // in working days (WorkingDayCalendarTest: weekends and bank holidays): triage took 2, 4 and 10 hours of a
        // working day; sharing 1 day, 2 hours and 1 day; the meetings 1 day 22 hours, 2 days 18 hours, 2 days 2 hours
        new StageFigures("triage", 2, 1, 3, 0.2, 0.4),
        new StageFigures("sharing", 0, 0, 3, 1.0, 1.0),
        new StageFigures("meeting", 2, 1, 3, 2.1, 2.6));
    assertThat(report.casesPastTarget()).isEqualTo(2);
    assertThat(report.trend()).containsExactly(
        new WeekTrend(TimingsService.isoWeek(day0), day0, 2, 1, 3.0),
        new WeekTrend(TimingsService.isoWeek(day0.plusWeeks(1)), day0.plusWeeks(1), 2, 2, 3.3));
  }

  @Test
  void aStagePassedTwiceInACaseCountsOnlyItsFirstPass() {
    ProcessInstance a = start(0, 9);
    complete(a, "Task_Triage", 0, 11);
    complete(a, "Task_Gather", 1, 9);
    complete(a, "Task_ReviewGathered", 1, 11);
    at(2, 9);
    runtimeService.createProcessInstanceModification(a.getId()).startBeforeActivity("Task_ReviewGathered").execute();
    complete(a, "Task_ReviewGathered", 3, 9);

    // gathering began on day 0 at 11:00 and was first reviewed on day 1 at 11:00: one working day
    assertThat(timings.report(day0, day0.plusDays(13)).stages()).filteredOn(s -> s.stage().equals("sharing"))
        .containsExactly(new StageFigures("sharing", 0, 0, 1, 1.0, 1.0));
    // the second review, alone in this period, is not a completion of the stage
    assertThat(timings.report(day0.plusDays(3), day0.plusDays(13)).stages())
        .filteredOn(s -> s.stage().equals("sharing")).extracting(StageFigures::completed).containsExactly(0);
  }

  @Test
  void overdueActionsPerAgency() {
    LocalDate today = LocalDate.now(calendar.zone());
    action("OPEN", today.minusDays(1), 0);
    action("OPEN", today.minusDays(3), 1);
    action("OPEN", today.minusDays(30), 2);
    action("OPEN", today.plusDays(1), 1);
    action("DONE", today.minusDays(3), 2);
    action("OPEN", today, 0);

    TimingsReport report = timings.report(day0, day0.plusDays(13));

    assertThat(report.overdueActions()).contains(new AgencyOverdueActions(agency, 3, 1, 1));
    assertThat(report.overdueActions()).extracting(AgencyOverdueActions::agency)
        .contains("police", "health", "social-care", "voluntary");
    assertThat(timings.liveFigures().escalatedActions()).containsEntry(agency, 3);
  }

  @Test
  void gaugesShowTheLiveFiguresAfterTheScheduledRefresh() {
    action("OPEN", LocalDate.now(calendar.zone()).minusDays(2), 1);

    metrics.refresh();

    assertThat(meterRegistry.get(TimingsMetrics.OVERDUE_ACTIONS).tag("agency", agency).gauge().value()).isEqualTo(1.0);
    assertThat(meterRegistry.get(TimingsMetrics.ESCALATED_ACTIONS).tag("agency", agency).gauge().value())
        .isEqualTo(1.0);
    assertThat(meterRegistry.get(TimingsMetrics.IN_PROGRESS).tag("stage", "information sharing").gauge()).isNotNull();
    assertThat(meterRegistry.get(TimingsMetrics.PAST_TARGET).tag("stage", "meeting").gauge()).isNotNull();
  }

  @Test
  void aMeetingScheduledAfterItsDueDateIsABreachInThePrometheusGauges() {
    metrics.refresh();
    double before = meterRegistry.get(TimingsMetrics.MEETINGS_SCHEDULED_LATE).gauge().value();
    LocalDate due = LocalDate.now(calendar.zone()).minusDays(1);
    jdbc.update("INSERT INTO pathway_meeting (id, case_id, round, scheduled_for, place, status, scheduled_by,"
            + " created_at, due_date, late_reason) VALUES (?, ?, 1, ?, 'Hub', 'SCHEDULED', 'coordinator.it', ?, ?, ?)",
        UUID.randomUUID().toString(), UUID.randomUUID().toString(),
        java.sql.Timestamp.valueOf(due.plusDays(6).atTime(10, 0)), java.sql.Timestamp.valueOf(LocalDateTime.now()),
        java.sql.Date.valueOf(due), "The GP can attend only next week");
    jdbc.update("INSERT INTO pathway_meeting (id, case_id, round, scheduled_for, place, status, scheduled_by,"
            + " created_at, due_date) VALUES (?, ?, 1, ?, 'Hub', 'SCHEDULED', 'coordinator.it', ?, ?)",
        UUID.randomUUID().toString(), UUID.randomUUID().toString(),
        java.sql.Timestamp.valueOf(due.atTime(10, 0)), java.sql.Timestamp.valueOf(LocalDateTime.now()),
        java.sql.Date.valueOf(due));

    metrics.refresh();

    assertThat(meterRegistry.get(TimingsMetrics.MEETINGS_SCHEDULED_LATE).gauge().value())
        .as("the late meeting counts, the one on its due date does not").isEqualTo(before + 1);
    String password = UUID.randomUUID().toString();
    String scrape = rest.withBasicAuth(user("monitoring", password), password)
        .getForObject("/actuator/prometheus", String.class);
    assertThat(scrape.lines().filter(line -> line.startsWith("pathways_meetings_scheduled_late"))
        .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))))
        .as(scrape.lines().filter(line -> line.contains("pathways_meetings")).toList().toString())
        .containsExactly(before + 1);
  }

  @Test
  void onlyManagersGetTheFigures() {
    String password = UUID.randomUUID().toString();
    String manager = user("managers", password);
    String police = user("police", password);

    ResponseEntity<String> ok = rest.withBasicAuth(manager, password).getForEntity("/api/timings", String.class);
    assertThat(ok.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(ok.getBody()).contains("\"stage\":\"triage\"", "\"stage\":\"information sharing\"",
        "\"stage\":\"review\"", "\"overdueActions\"", "\"trend\"");

    assertThat(rest.withBasicAuth(police, password).getForEntity("/api/timings", String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.withBasicAuth(police, password).getForEntity("/api/timings.csv", String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.getForEntity("/api/timings", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void badPeriodsAreAnsweredFieldByField() {
    String password = UUID.randomUUID().toString();
    TestRestTemplate manager = rest.withBasicAuth(user("managers", password), password);

    ResponseEntity<Map> both = manager.getForEntity("/api/timings?from=yesterday&to=2026-13-01", Map.class);
    assertThat(both.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((List<Map<String, String>>) both.getBody().get("errors")).extracting(error -> error.get("field"))
        .containsExactlyInAnyOrder("from", "to");

    ResponseEntity<Map> reversed = manager.getForEntity("/api/timings?from=2026-03-01&to=2026-02-01", Map.class);
    assertThat(reversed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((List<Map<String, String>>) reversed.getBody().get("errors")).extracting(error -> error.get("field"))
        .containsExactly("from");

    assertThat(manager.getForEntity("/api/timings.csv?table=people", String.class).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void csvHasTheStageTableAndTheOtherTablesOnRequest() {
    String password = UUID.randomUUID().toString();
    TestRestTemplate manager = rest.withBasicAuth(user("managers", password), password);

    ResponseEntity<String> stages = manager.getForEntity("/api/timings.csv?from=2026-01-05&to=2026-03-29",
        String.class);
    assertThat(stages.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(stages.getHeaders().getContentType().toString()).startsWith("text/csv");
    assertThat(stages.getHeaders().getFirst("Content-Disposition"))
        .contains("pathway-timings-stages-2026-01-05-2026-03-29.csv");
    List<String> lines = stages.getBody().lines().toList();
    assertThat(lines.get(0)).isEqualTo("Stage,In progress,Past target,Completed,Median (working days),"
        + "90th percentile (working days)");
    assertThat(lines).hasSize(7).anyMatch(line -> line.startsWith("Information sharing,"));

    String trend = manager.getForObject("/api/timings.csv?from=2026-01-05&to=2026-03-29&table=trend", String.class);
    assertThat(trend.lines().toList()).hasSize(13).element(1).asString().startsWith("w/c 05/01/2026,");
  }

  /** Three closed cases in two weeks, one case stuck in triage since day 0, and three cases started now. */
  private void knownCases() {
    ProcessInstance a = start(0, 9);
    complete(a, "Task_Triage", 0, 11);
    complete(a, "Task_Gather", 1, 9);
    complete(a, "Task_ReviewGathered", 1, 11);
    complete(a, "Task_Meeting", 3, 9);

    start(0, 10); // still in triage: past its target of one working day

    ProcessInstance b = start(7, 9);
    complete(b, "Task_Triage", 7, 13);
    complete(b, "Task_Gather", 7, 14);
    complete(b, "Task_ReviewGathered", 7, 15);
    complete(b, "Task_Meeting", 10, 9);

    ProcessInstance c = start(8, 8);
    complete(c, "Task_Triage", 8, 18);
    complete(c, "Task_Gather", 8, 19);
    complete(c, "Task_ReviewGathered", 9, 18);
    complete(c, "Task_Meeting", 11, 20);

    ClockUtil.reset();
    LocalDate today = LocalDate.now(calendar.zone());
    runtimeService.startProcessInstanceByKey(KEY, Map.of("meetingDueDate", date(today.plusDays(10))));
    inMeeting(today.minusDays(1));
    inMeeting(today.plusDays(10));
  }

  private void inMeeting(LocalDate meetingDueDate) {
    ProcessInstance pi = runtimeService.startProcessInstanceByKey(KEY, Map.of("meetingDueDate", date(meetingDueDate)));
    for (String task : List.of("Task_Triage", "Task_Gather", "Task_ReviewGathered")) {
      taskService.complete(taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(task)
          .singleResult().getId());
    }
  }

  private ProcessInstance start(int day, int hour) {
    at(day, hour);
    return runtimeService.startProcessInstanceByKey(KEY, Map.of("meetingDueDate", date(day0.plusDays(day + 5))));
  }

  private void complete(ProcessInstance pi, String taskKey, int day, int hour) {
    at(day, hour);
    taskService.complete(taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(taskKey)
        .singleResult().getId());
  }

  private void at(int day, int hour) {
    ClockUtil.setCurrentTime(Date.from(day0.plusDays(day).atTime(hour, 0).atZone(ZoneId.systemDefault()).toInstant()));
  }

  private static Date date(LocalDate day) {
    return Date.from(day.atStartOfDay(ZoneId.systemDefault()).toInstant());
  }

  private void action(String status, LocalDate due, int escalationLevel) {
    jdbc.update("INSERT INTO pathway_action (id, case_id, description, owning_agency, priority, due_date, status,"
            + " escalation_level, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        UUID.randomUUID().toString(), UUID.randomUUID().toString(), "timings test action", agency, "NORMAL",
        java.sql.Date.valueOf(due), status, escalationLevel, java.sql.Timestamp.valueOf(LocalDateTime.now()));
  }

  private String user(String group, String password) {
    String id = group + "-" + UUID.randomUUID().toString().substring(0, 8);
    TestUsers.create(identityService, id, password, group);
    return id;
  }
}


package org.partnershippathways.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.partnershippathways.PartnershipPathwaysApplication;
import org.partnershippathways.benchmark.PartnerReplySources.PartnerReplies;
import org.partnershippathways.calendar.WorkingDayCalendar;
import org.partnershippathways.demo.CaseDriver;
import org.partnershippathways.intake.ConcernIntake;
import org.partnershippathways.intake.PathwayProcess;
import org.partnershippathways.sandbox.PartnerSandboxApplication;
import org.partnershippathways.security.Agency;
import org.partnershippathways.security.PartnerApiKeys;
import org.partnershippathways.testsupport.PartnerKeysForTests;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The benchmark of the README ({@code mvn -Pbenchmark verify}, docs/benchmark.md): on an empty PostgreSQL
 * database, measures (e) start time and heap, (b) the bare models' and (a) the real pathway's throughput driven
 * to closure, (c) the Tasklist query of one agency over many open cases and (d) the managers' timings over a
 * large history; prints a table and writes {@code target/benchmark/benchmark-results.json}. Asserts only that
 * each measurement really ran (every case closed, the queries answered), never a time.
 */
class PathwayBenchmark {

  /**
   * Ports of this benchmark: the application, the partner sandbox, the two measured starts. Picked free at start:
   * fixed ones inside the ephemeral range were now and then taken by client sockets.
   */
  static final int APPLICATION_PORT = freePort();
  static final int SANDBOX_PORT = freePort();
  static final int FIRST_START_PORT = freePort();
  static final int RESTART_PORT = freePort();

  private static final String AGENCY = "police";
  private static final Duration QUERY_BUDGET = Duration.ofMinutes(2);
  /** The budget of (c) and (c') with the recommended settings: 3 rounds and the warm-up, a quarter each. */
  private static final Duration ROUNDS_BUDGET = Duration.ofMinutes(3);
  private static final int OPENINGS_PER_ROUND = 70;

  private final List<String> problems = new java.util.ArrayList<>();

  @Test
  void measure() throws Exception {
    BenchmarkSettings settings = BenchmarkSettings.fromSystemProperties();
    BenchmarkReport report = new BenchmarkReport();
    report.context("pathways", settings.pathways());
    report.context("openCases", settings.openCases());
    report.context("nationalOpenCases", settings.nationalOpenCases());
    report.context("partnerships", settings.partnerships());
    report.context("historicActivities", settings.historicActivities());
    report.context("driverThreads", settings.threads());
    report.context("database", settings.databaseUrl());
    report.context("cores", Runtime.getRuntime().availableProcessors());
    report.context("java", System.getProperty("java.version"));
    Path output = Path.of("target", "benchmark");
    Files.createDirectories(output);

    BenchmarkDatabase.recreate(settings.databaseUrl(), settings.databaseUser(),
        Integer.getInteger("benchmark.db.logSlowerThanMs"));
    try {
      if (!"false".equals(System.getProperty("benchmark.startup"))) {
        measureStartup(settings, report, output);
      }
      try (ConfigurableApplicationContext application = startApplication(settings)) {
        BenchmarkUsers users = new BenchmarkUsers(application.getBean(IdentityService.class));
        users.create();
        NationalPartnerships national = new NationalPartnerships(application.getBean(IdentityService.class),
            users.password(), settings.partnerships());
        national.create();
        try (ConfigurableApplicationContext sandbox = startSandbox(
            PartnerKeysForTests.newKeys(application.getBean(PartnerApiKeys.class)))) {
          measureThroughput(settings, report, application, users);
          measureIntake(report, users);
        }
        measureTaskQuery(settings, report, application, users, national);
        measureCockpit(report, application, "(g) Cockpit, manager of " + BenchmarkUsers.PARTNERSHIP,
            BenchmarkUsers.userOfGroup("managers"), users.password(), BenchmarkUsers.PARTNERSHIP);
        measureCockpit(report, application, "(g') Cockpit, manager of " + national.measured(), national.manager(),
            users.password(), national.measured());
        measureTimings(settings, report, application, users, national);
      }
      measureHistoryLevels(settings, report);
      assertThat(problems).as("cases that did not close").isEmpty();
    } finally {
      // the figures measured so far, also when a later measurement failed
      System.out.println(report.table());
      Path json = report.writeJson(output);
      System.out.println("Benchmark results written to " + json.toAbsolutePath());
    }
  }

  private void measureStartup(BenchmarkSettings settings, BenchmarkReport report, Path output) throws Exception {
    StartupMeasurement startup = new StartupMeasurement();
    StartupMeasurement.Result firstStart = startup.measure(settings, output.resolve("first-start.log"),
        FIRST_START_PORT);
    StartupMeasurement.Result restart = startup.measure(settings, output.resolve("restart.log"), RESTART_PORT);
    report.add("(e) start, empty database", "java -jar to health UP", firstStart.secondsToHealthUp(), "s");
    report.add("(e) start, empty database", "heap used after start", firstStart.heapUsedMb(), "MB");
    report.add("(e) restart", "java -jar to health UP", restart.secondsToHealthUp(), "s", "< 30 s");
    report.add("(e) restart", "heap used after start", restart.heapUsedMb(), "MB");
    report.add("(e) restart", "heap used after a full GC", restart.heapUsedAfterGcMb(), "MB");
    assertThat(restart.heapUsedAfterGcMb()).isPositive();
  }

  private void measureThroughput(BenchmarkSettings settings, BenchmarkReport report,
      ConfigurableApplicationContext application, BenchmarkUsers users) throws Exception {
    TaskService tasks = application.getBean(TaskService.class);
    RuntimeService runtime = application.getBean(RuntimeService.class);
    WorkingDayCalendar calendar = application.getBean(WorkingDayCalendar.class);
    ConcernIntake intake = application.getBean(ConcernIntake.class);
    new BareModels(ourBeans(application), Path.of("processes")).deploy(application.getBean(RepositoryService.class));

    assertThat(hasEndpoint(application, "/partner-responses")).as("the partners' reply API").isTrue();
    report.context("partnerReplies", "partner sandbox (no latency, no failures) through POST"
        + " /api/cases/{caseId}/partner-responses; a reply refused with 409 because it came before the request"
        + " committed is sent again by the sandbox with back-off, as a partner system should");
    CaseDriver driver = new CaseDriver(tasks, runtime, application.getBean(ManagementService.class),
        application.getBean(IdentityService.class), calendar, BenchmarkUsers::userOfGroup, Duration.ofMillis(20),
        Duration.ofMinutes(3));
    PartnerReplies bareReplies = PartnerReplySources.straightToTheEngine(runtime);

    int warmUp = Math.max(2, Math.min(20, settings.pathways() / 10));
    PathwayThroughput.run(warmUp, settings.threads(), PathwayThroughput.bare(runtime, "warm"), driver, bareReplies);
    PathwayThroughput.run(warmUp, settings.threads(), PathwayThroughput.throughIntake(intake, "warm"), driver,
        PartnerReplySources.SANDBOX);

    JdbcTemplate jdbc = new JdbcTemplate(application.getBean(DataSource.class));
    DatabaseWork beforeBare = DatabaseWork.now(jdbc);
    PathwayThroughput.Result bareRun = PathwayThroughput.run(settings.pathways(), settings.threads(),
        PathwayThroughput.bare(runtime, "b"), driver, bareReplies);
    DatabaseWork beforeReal = DatabaseWork.now(jdbc);
    RetentionMeasurement.Held heldBefore = RetentionMeasurement.held(jdbc);
    PathwayThroughput.Result realRun = PathwayThroughput.run(settings.pathways(), settings.threads(),
        PathwayThroughput.throughIntake(intake, "a"), driver, PartnerReplySources.SANDBOX);
    DatabaseWork afterReal = DatabaseWork.now(jdbc);
    addThroughput(report, "(b) bare models to closure", bareRun, beforeReal.minus(beforeBare));
    addThroughput(report, "(a) pathway to closure", realRun, afterReal.minus(beforeReal));
    report.add("(a)/(b)", "pathway throughput / bare throughput", realRun.perSecond() / bareRun.perSecond(), "",
        ">= 0.8");
    long closedCases = jdbc.queryForObject(
        "select count(*) from pathway_case where status = 'CLOSED' and person_family_name like 'Bench-a-%'",
        Long.class);
    report.add("(a) pathway to closure", "cases CLOSED in pathway_case", closedCases, "cases");
    measureRetention(report, application, jdbc, heldBefore, closedCases);
    // checked at the end, so that (c) and (d) are measured all the same
    problems.addAll(bareRun.failures());
    problems.addAll(realRun.failures());
    if (closedCases != settings.pathways()) {
      problems.add(closedCases + " cases CLOSED in pathway_case instead of " + settings.pathways());
    }
  }

  /**
   * (f') intake under load: one client, then 20 clients, posting concerns about new people for
   * {@code benchmark.intakeSeconds} (default 60) each, three times in turn, so that each figure has its spread.
   */
  private static void measureIntake(BenchmarkReport report, BenchmarkUsers users) throws Exception {
    Duration each = Duration.ofSeconds(Integer.getInteger("benchmark.intakeSeconds", 60));
    int clients = Integer.getInteger("benchmark.intakeClients", 20);
    IntakeMeasurement intake = new IntakeMeasurement(baseUrl(), BenchmarkUsers.userOfGroup("coordinators"),
        users.password());
    intake.run(2, Duration.ofSeconds(Math.min(10, each.toSeconds())), "warm");
    List<IntakeMeasurement.Run> single = new java.util.ArrayList<>();
    List<IntakeMeasurement.Run> many = new java.util.ArrayList<>();
    for (int repetition = 1; repetition <= 3; repetition++) {
      single.add(intake.run(1, each, "f1-" + repetition));
      many.add(intake.run(clients, each, "f" + clients + "-" + repetition));
    }
    String measurement = "(f') intake, POST /api/concerns, " + each.toSeconds() + " s per run, 3 runs";
    report.add(measurement, "1 client: concerns/s (min-max " + range(single, IntakeMeasurement.Run::perSecond) + ")",
        median(single, IntakeMeasurement.Run::perSecond), "1/s");
    report.add(measurement, "1 client: p95 (min-max " + range(single, run -> run.latency().percentile(95)) + ")",
        median(single, run -> run.latency().percentile(95)), "ms");
    report.add(measurement, clients + " clients: concerns/s (min-max " + range(many, IntakeMeasurement.Run::perSecond)
        + ")", median(many, IntakeMeasurement.Run::perSecond), "1/s");
    report.add(measurement, clients + " clients: throughput / 1 client's", median(many,
        IntakeMeasurement.Run::perSecond) / median(single, IntakeMeasurement.Run::perSecond), "", ">= 3");
    report.add(measurement, clients + " clients: p50 (min-max " + range(many, run -> run.latency().percentile(50))
        + ")", median(many, run -> run.latency().percentile(50)), "ms");
    report.add(measurement, clients + " clients: p95 (min-max " + range(many, run -> run.latency().percentile(95))
        + ")", median(many, run -> run.latency().percentile(95)), "ms", "< 200 ms");
    report.add(measurement, clients + " clients: p99 (min-max " + range(many, run -> run.latency().percentile(99))
        + ")", median(many, run -> run.latency().percentile(99)), "ms");
    // whether the machine's processors, not a wait, set the ceiling: with every processor busy at 20 clients,
    // throughput can grow over one client's only as far as one client left processors idle
    report.add(measurement, "1 client: processors busy, % of " + MachineLoad.processors() + " (min-max "
        + range(single, run -> run.cpuBusyShare() * 100) + ")", median(single, run -> run.cpuBusyShare() * 100), "%");
    report.add(measurement, clients + " clients: processors busy, % of " + MachineLoad.processors() + " (min-max "
        + range(many, run -> run.cpuBusyShare() * 100) + ")", median(many, run -> run.cpuBusyShare() * 100), "%");
    report.add(measurement, "1 client: processor time per concern, whole machine", median(single,
        IntakeMeasurement.Run::cpuMillisPerConcern), "ms");
    report.add(measurement, clients + " clients: processor time per concern, whole machine", median(many,
        IntakeMeasurement.Run::cpuMillisPerConcern), "ms");
    report.add(measurement, "most the processors allow over 1 client (100% / 1 client's busy share)",
        1 / median(single, IntakeMeasurement.Run::cpuBusyShare), "");
    int failed = java.util.stream.Stream.concat(single.stream(), many.stream()).mapToInt(IntakeMeasurement.Run::failed)
        .sum();
    report.add(measurement, "requests not accepted (not 201)", failed, "requests");
    assertThat(many).allSatisfy(run -> assertThat(run.accepted()).as("concerns accepted").isPositive());
  }

  private static double median(List<IntakeMeasurement.Run> runs,
      java.util.function.ToDoubleFunction<IntakeMeasurement.Run> figure) {
    double[] values = runs.stream().mapToDouble(figure).sorted().toArray();
    return values[values.length / 2];
  }

  private static String range(List<IntakeMeasurement.Run> runs,
      java.util.function.ToDoubleFunction<IntakeMeasurement.Run> figure) {
    java.util.DoubleSummaryStatistics stats = runs.stream().mapToDouble(figure).summaryStatistics();
    return String.format(java.util.Locale.ROOT, "%.0f-%.0f", stats.getMin(), stats.getMax());
  }

  /** (f): rows and bytes per closed case of (a), before and after their retention ends, and the cleanup's time. */
  private static void measureRetention(BenchmarkReport report, ConfigurableApplicationContext application,
      JdbcTemplate jdbc, RetentionMeasurement.Held before, long cases) throws InterruptedException {
    if (cases == 0) {
      return;
    }
    RetentionMeasurement.Held closed = RetentionMeasurement.held(jdbc).minus(before);
    RetentionMeasurement.Cleanup cleanup = RetentionMeasurement.cleanUp(application, jdbc, "Bench-a-%");
    RetentionMeasurement.Held after = RetentionMeasurement.held(jdbc).minus(before);
    String measurement = "(f) retention of the closed cases of (a)";
    report.add(measurement, "rows per closed case", closed.rows() / (double) cases, "rows");
    report.add(measurement, "bytes per closed case", closed.bytes() / (double) cases, "bytes");
    report.add(measurement, "rows per case after cleanup", after.rows() / (double) cases, "rows");
    report.add(measurement, "bytes per case after cleanup", after.bytes() / (double) cases, "bytes");
    report.add(measurement, "engine history cleanup per 1,000 cases", cleanup.engineSeconds() * 1000 / cases, "s");
    report.add(measurement, "our purge per 1,000 cases", cleanup.purgeSeconds() * 1000 / cases, "s");
    report.add(measurement, "cases purged", cleanup.casesPurged(), "cases");
  }

  /**
   * (h) Rows and bytes that closed cases leave, at each history level the README allows ({@code activity}: the
   * managers' timings need it; {@code audit}; {@code full}, the default): per level an application of its own on a
   * database of its own, with a partner sandbox of its own, drives {@code benchmark.historyCases} (default 100) cases
   * to closure as (a) does, after 2 unmeasured ones; the difference of every table from just before, per case.
   */
  private void measureHistoryLevels(BenchmarkSettings settings, BenchmarkReport report) throws Exception {
    int cases = Integer.getInteger("benchmark.historyCases", 100);
    Map<String, Object> perTable = new java.util.LinkedHashMap<>();
    for (String level : System.getProperty("benchmark.historyLevels", "activity,audit,full").split(",")) {
      long started = System.nanoTime();
      String url = databaseNamed(settings.databaseUrl(), "_history_" + level);
      BenchmarkDatabase.recreate(url, settings.databaseUser(), null);
      int port = freePort();
      int sandboxPort = freePort();
      HistoryLevelFootprint.Snapshot left;
      PathwayThroughput.Result run;
      try (ConfigurableApplicationContext application = startApplication(settings, url, port, sandboxPort,
          List.of("--PATHWAYS_HISTORY_LEVEL=" + level))) {
        new BenchmarkUsers(application.getBean(IdentityService.class)).create();
        try (ConfigurableApplicationContext sandbox = startSandbox(
            PartnerKeysForTests.newKeys(application.getBean(PartnerApiKeys.class)), sandboxPort, port)) {
          CaseDriver driver = new CaseDriver(application.getBean(TaskService.class),
              application.getBean(RuntimeService.class), application.getBean(ManagementService.class),
              application.getBean(IdentityService.class), application.getBean(WorkingDayCalendar.class),
              BenchmarkUsers::userOfGroup, Duration.ofMillis(20), Duration.ofMinutes(3));
          ConcernIntake intake = application.getBean(ConcernIntake.class);
          JdbcTemplate jdbc = new JdbcTemplate(application.getBean(DataSource.class));
          PathwayThroughput.run(2, 2, PathwayThroughput.throughIntake(intake, "hw" + level), driver,
              PartnerReplySources.SANDBOX);
          HistoryLevelFootprint.awaitNoDueJobs(jdbc);
          HistoryLevelFootprint.Snapshot before = HistoryLevelFootprint.snapshot(jdbc);
          run = PathwayThroughput.run(cases, settings.threads(), PathwayThroughput.throughIntake(intake, "h" + level),
              driver, PartnerReplySources.SANDBOX);
          HistoryLevelFootprint.awaitNoDueJobs(jdbc);
          left = HistoryLevelFootprint.snapshot(jdbc).minus(before);
          long closed = jdbc.queryForObject("select count(*) from pathway_case where status = 'CLOSED'"
              + " and person_family_name like ?", Long.class, "Bench-h" + level + "-%");
          if (closed != cases) {
            problems.add("history level " + level + ": " + closed + " cases CLOSED instead of " + cases);
          }
        }
      }
      problems.addAll(run.failures());
      int closed = Math.max(1, run.closed());
      String measurement = "(h) history level " + level + ", " + run.closed() + " cases closed";
      for (String group : HistoryLevelFootprint.GROUPS) {
        report.add(measurement, "rows left per case: " + group, left.group(group).rows() / (double) closed, "rows");
      }
      report.add(measurement, "rows left per case: total", left.total().rows() / (double) closed, "rows");
      for (String group : HistoryLevelFootprint.GROUPS) {
        report.add(measurement, "row bytes per case: " + group, left.group(group).rowBytes() / (double) closed,
            "bytes");
      }
      report.add(measurement, "row bytes per case: total", left.total().rowBytes() / (double) closed, "bytes");
      for (String group : HistoryLevelFootprint.GROUPS) {
        report.add(measurement, "tables+indexes grew per case: " + group,
            left.group(group).totalBytes() / (double) closed, "bytes");
      }
      report.add(measurement, "tables+indexes grew per case: total", left.total().totalBytes() / (double) closed,
          "bytes");
      report.add(measurement, "time (start, 2 + " + cases + " cases, stop)", (System.nanoTime() - started) / 1e9, "s");
      perTable.put(level, left.rowsPerCase(closed));
    }
    report.context("historyLevelRowsPerCaseByTable", perTable);
  }

  /** The URL of a database next to the benchmark's, its name with {@code suffix}. */
  private static String databaseNamed(String url, String suffix) {
    int query = url.indexOf('?');
    return query < 0 ? url + suffix : url.substring(0, query) + suffix + url.substring(query);
  }

  private static void addThroughput(BenchmarkReport report, String measurement, PathwayThroughput.Result run,
      DatabaseWork work) {
    report.add(measurement, "cases closed", run.closed(), "cases");
    report.add(measurement, "wall time", run.seconds(), "s");
    report.add(measurement, "throughput", run.perSecond(), "cases/s");
    report.add(measurement, "database transactions per case", work.commits() / (double) run.closed(), "");
    report.add(measurement, "rows written per case", work.rowsWritten() / (double) run.closed(), "rows");
    run.failures().stream().limit(5).forEach(failure -> System.out.println(measurement + ": " + failure));
  }

  /** The database's own counters (pg_stat_database): commits and rows inserted, updated or deleted. */
  record DatabaseWork(long commits, long rowsWritten) {
    static DatabaseWork now(JdbcTemplate jdbc) {
      jdbc.execute("select pg_stat_force_next_flush()");
      return jdbc.queryForObject("select xact_commit, tup_inserted + tup_updated + tup_deleted from"
          + " pg_stat_database where datname = current_database()",
          (rs, row) -> new DatabaseWork(rs.getLong(1), rs.getLong(2)));
    }

    DatabaseWork minus(DatabaseWork earlier) {
      return new DatabaseWork(commits - earlier.commits, rowsWritten - earlier.rowsWritten);
    }
  }

  /**
   * (c) one partnership with {@code benchmark.openCases} open cases: the police officer of {@code our-partnership}
   * opens "My agency's tasks", on the database as installed and then with the recommended settings. Then (c')
   * {@code benchmark.nationalOpenCases} more open cases spread over the {@code benchmark.partnerships} national
   * partnerships, and a police officer of one of them (a member of that tenant only) opens the same filter, with the
   * recommended settings. Each in 3 rounds after 20 unmeasured openings.
   */
  private void measureTaskQuery(BenchmarkSettings settings, BenchmarkReport report,
      ConfigurableApplicationContext application, BenchmarkUsers users, NationalPartnerships national)
      throws Exception {
    OpenCases openCases = new OpenCases(application.getBean(RepositoryService.class),
        application.getBean(RuntimeService.class));
    openCases.deploy();
    JdbcTemplate jdbc = new JdbcTemplate(application.getBean(DataSource.class));
    startOpenCases(report, "(c) open cases, " + BenchmarkUsers.PARTNERSHIP, openCases, jdbc, "BM",
        settings.openCases(), List.of(BenchmarkUsers.PARTNERSHIP));

    TaskQueryMeasurement tasklist = new TaskQueryMeasurement(baseUrl(), BenchmarkUsers.userOfGroup(AGENCY),
        users.password());
    String filterId = tasklist.filterId("My agency's tasks");
    long visible = tasklist.count(filterId);
    long expected = settings.openCases() / OpenCases.GROUPS.size();
    assertThat(visible).as("tasks the agency sees").isBetween(expected, expected + 1);
    String measurement = "(c) Tasklist query (" + AGENCY + ", " + BenchmarkUsers.PARTNERSHIP + ")";
    addTaskQuery(report, measurement, tasklist.measureRounds(filterId, 20, 3, OPENINGS_PER_ROUND, QUERY_BUDGET));
    report.add(measurement, "tasks visible to the agency", visible, "tasks");

    // the database settings docs/benchmark.md recommends: a plan for each query's values, no JIT compilation
    BenchmarkDatabase.recommendedSettings(settings.databaseUrl(), settings.databaseUser());
    ((HikariDataSource) application.getBean(DataSource.class)).getHikariPoolMXBean().softEvictConnections();
    addTaskQuery(report, "(c) same, recommended db settings",
        tasklist.measureRounds(filterId, 20, 3, OPENINGS_PER_ROUND, ROUNDS_BUDGET));

    startOpenCases(report, "(c') open cases, " + national.ids().size() + " partnerships", openCases, jdbc, "BN",
        settings.nationalOpenCases(), national.ids());
    TaskQueryMeasurement officer = new TaskQueryMeasurement(baseUrl(), national.policeOfficer(), users.password());
    String officersFilter = officer.filterId("My agency's tasks");
    long officerSees = officer.count(officersFilter);
    long officerExpects = settings.nationalOpenCases() / national.ids().size() / OpenCases.GROUPS.size();
    assertThat(officerSees).as("tasks the police of one partnership see").isBetween(officerExpects,
        officerExpects + 1);
    String nationalMeasurement = "(c') Tasklist query (" + AGENCY + ", " + national.measured() + " only)";
    report.add(nationalMeasurement, "open tasks in the database", application.getBean(TaskService.class)
        .createTaskQuery().count(), "tasks");
    addTaskQuery(report, nationalMeasurement + ", recommended db settings",
        officer.measureRounds(officersFilter, 20, 3, OPENINGS_PER_ROUND, ROUNDS_BUDGET));
    report.add(nationalMeasurement, "tasks visible to the officer", officerSees, "tasks");
  }

  /** Starts open cases through the engine, then {@code ANALYZE}: the statistics autovacuum would have gathered. */
  private static void startOpenCases(BenchmarkReport report, String measurement, OpenCases openCases,
      JdbcTemplate jdbc, String prefix, int count, List<String> partnerships) throws Exception {
    long started = System.nanoTime();
    openCases.start(prefix, count, 4, partnerships);
    double seconds = (System.nanoTime() - started) / 1e9;
    jdbc.execute("analyze");
    report.add(measurement, "cases started", count, "cases");
    report.add(measurement, "partnerships", partnerships.size(), "");
    report.add(measurement, "starts per second (4 threads)", count / seconds, "1/s");
  }

  /**
   * (g) A manager of {@code partnership} (member of that tenant only) opens Cockpit's dashboard and the process
   * definition pages of the pathway and of the open cases' process, on the database of (c) and (c') (their open
   * cases and what (a) and (f') left), with the recommended settings: three rounds of
   * {@code benchmark.cockpitOpenings} (default 20) openings of each page, after 3 unmeasured ones.
   */
  private static void measureCockpit(BenchmarkReport report, ConfigurableApplicationContext application,
      String measurement, String manager, String password, String partnership) throws Exception {
    int openings = Integer.getInteger("benchmark.cockpitOpenings", 20);
    long started = System.nanoTime();
    RepositoryService repository = application.getBean(RepositoryService.class);
    RuntimeService runtime = application.getBean(RuntimeService.class);
    report.add(measurement, "running process instances in the database", runtime.createProcessInstanceQuery()
        .count(), "instances");
    report.add(measurement, "running instances of the partnership", runtime.createProcessInstanceQuery()
        .tenantIdIn(partnership).count(), "instances");
    report.add(measurement, "of which pathway cases", runtime.createProcessInstanceQuery()
        .tenantIdIn(partnership).processDefinitionKey(PathwayProcess.KEY).count(), "instances");
    report.add(measurement, "open tasks of the partnership", application.getBean(TaskService.class)
        .createTaskQuery().tenantIdIn(partnership).count(), "tasks");
    List<CockpitMeasurement.Page> pages = List.of(CockpitMeasurement.dashboard(),
        CockpitMeasurement.definitionPage(latestDefinition(repository, PathwayProcess.KEY), PathwayProcess.KEY),
        CockpitMeasurement.definitionPage(latestDefinition(repository, OpenCases.PROCESS_KEY), OpenCases.PROCESS_KEY));
    CockpitMeasurement cockpit = new CockpitMeasurement(baseUrl(), manager, password);
    // the engine's tenant check: the manager sees at most the partnership's instances and those of no partnership
    long seen = Long.parseLong(cockpit.get(WebappSession.ENGINE_API + "/process-instance/count")
        .replaceAll("[^0-9]", ""));
    report.add(measurement, "running instances the manager sees", seen, "instances");
    assertThat(seen).as("instances the manager sees").isPositive().isLessThanOrEqualTo(
        runtime.createProcessInstanceQuery().tenantIdIn(partnership).count()
            + runtime.createProcessInstanceQuery().withoutTenantId().count());
    for (CockpitMeasurement.Page page : pages) {
      cockpit.measure(page, 3, QUERY_BUDGET);
    }
    Map<String, List<CockpitMeasurement.Round>> rounds = new java.util.LinkedHashMap<>();
    for (int round = 1; round <= 3; round++) {
      for (CockpitMeasurement.Page page : pages) {
        rounds.computeIfAbsent(page.name(), name -> new java.util.ArrayList<>())
            .add(cockpit.measure(page, openings, Duration.ofMinutes(1)));
      }
    }
    Map<String, Object> slowest = new java.util.LinkedHashMap<>();
    for (CockpitMeasurement.Page page : pages) {
      List<LatencySample> samples = rounds.get(page.name()).stream().map(CockpitMeasurement.Round::page).toList();
      String name = page.name() + ", " + page.requests().size() + " requests";
      RoundFigures figures = new RoundFigures(report, measurement, samples);
      figures.percentile(name + ":", 50, "");
      figures.percentile(name + ":", 95, "< 1000 ms");
      figures.openings(page.name() + ": openings measured");
      Map<String, Double> perRequest = new java.util.LinkedHashMap<>();
      for (CockpitMeasurement.Request request : page.requests()) {
        perRequest.put(request.name(), rounds.get(page.name()).stream()
            .mapToDouble(round -> round.requests().get(request.name()).percentile(95)).max().orElse(Double.NaN));
      }
      slowest.put(page.name(), perRequest);
      Map.Entry<String, Double> worst = perRequest.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
      report.add(measurement, page.name() + ": slowest request (" + worst.getKey() + "), p95", worst.getValue(), "ms");
    }
    report.context("cockpitRequestsP95Ms " + measurement, slowest);
    report.add(measurement, "time (warm-up and 3 rounds)", (System.nanoTime() - started) / 1e9, "s");
  }

  private static String latestDefinition(RepositoryService repository, String key) {
    return repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult().getId();
  }

  private static void addTaskQuery(BenchmarkReport report, String measurement, List<LatencySample> rounds) {
    String name = "agency filter: page of 15 + count";
    RoundFigures figures = new RoundFigures(report, measurement, rounds);
    figures.percentile(name, 50, "");
    figures.percentile(name, 95, "< 100 ms");
    figures.percentile(name, 99, "");
    figures.openings("openings measured (of " + OPENINGS_PER_ROUND + " per round)");
  }

  /**
   * (d) and (d'): history of {@code benchmark.historicActivities} activity instances spread over the national
   * partnerships; {@code GET /api/timings} for 26 weeks by a manager of every one of them (the whole history) and by
   * a manager of one (a 1/50th share), each 3 rounds of 20 calls after 3 unmeasured ones.
   */
  private void measureTimings(BenchmarkSettings settings, BenchmarkReport report,
      ConfigurableApplicationContext application, BenchmarkUsers users, NationalPartnerships national)
      throws Exception {
    long started = System.nanoTime();
    HistoricActivities.Generated generated = new HistoricActivities(application.getBean(DataSource.class))
        .generate(settings.historicActivities(), national.ids());
    double seconds = (System.nanoTime() - started) / 1e9;
    report.add("(d) generated history", "historic activity instances", generated.activityInstances(), "rows");
    report.add("(d) generated history", "partnerships sharing them", national.ids().size(), "");
    report.add("(d) generated history", "of which in " + national.measured(),
        generated.activityInstancesOfTheFirstPartnership(), "rows");
    report.add("(d) generated history", "cases", generated.cases(), "cases");
    report.add("(d) generated history", "open cases", generated.openCases(), "cases");
    report.add("(d) generated history", "pathway_action rows", generated.actions(), "rows");
    report.add("(d) generated history", "generation time", seconds, "s");
    assertThat(generated.activityInstances()).isEqualTo(settings.historicActivities());
    assertThat(generated.activityInstancesOfTheFirstPartnership()).as("history of " + national.measured())
        .isPositive().isLessThan(generated.activityInstances());

    if (!hasEndpoint(application, "/api/timings")) {
      String notAvailable = "GET /api/timings is not on this branch yet (package timings): not measured";
      report.context("timings", notAvailable);
      System.out.println("(d) Cockpit timings endpoint: not available: " + notAvailable);
      return;
    }
    String path = TimingsMeasurement.path(LocalDate.now(application.getBean(WorkingDayCalendar.class).zone()),
        HistoricActivities.WEEKS);
    report.context("timingsRequest", path);
    measureTimingsOf(report, "(d) GET /api/timings, 26 weeks, manager of all " + national.ids().size()
        + " partnerships", new TimingsMeasurement(baseUrl(), national.managerOfAll(), users.password()), path);
    measureTimingsOf(report, "(d') GET /api/timings, 26 weeks, manager of " + national.measured(),
        new TimingsMeasurement(baseUrl(), national.manager(), users.password()), path);
  }

  private static void measureTimingsOf(BenchmarkReport report, String measurement, TimingsMeasurement timings,
      String path) throws Exception {
    assertThat(timings.get(path)).contains("triage");
    List<LatencySample> rounds = timings.measureRounds(path, 3, 3, 20);
    RoundFigures figures = new RoundFigures(report, measurement, rounds);
    figures.percentile("", 50, "");
    figures.percentile("", 95, "< 1000 ms");
    report.add(measurement, "max", rounds.stream().mapToDouble(LatencySample::max).max().orElse(Double.NaN), "ms");
  }

  /** The names of the application's own beans, which the bare models must not call. */
  private static Set<String> ourBeans(ConfigurableApplicationContext application) {
    Set<String> names = new TreeSet<>();
    for (String name : application.getBeanDefinitionNames()) {
      Class<?> type = application.getType(name);
      if (type != null && type.getName().startsWith("org.partnershippathways.")) {
        names.add(name);
      }
    }
    return names;
  }

  private static boolean hasEndpoint(ConfigurableApplicationContext application, String pathPart) {
    return application.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class)
        .getHandlerMethods().keySet().stream()
        .flatMap(mapping -> mapping.getPatternValues().stream())
        .anyMatch(pattern -> pattern.contains(pathPart));
  }

  private static ConfigurableApplicationContext startApplication(BenchmarkSettings settings) {
    return startApplication(settings, settings.databaseUrl(), APPLICATION_PORT, SANDBOX_PORT, List.of());
  }

  private static ConfigurableApplicationContext startApplication(BenchmarkSettings settings, String databaseUrl,
      int port, int sandboxPort, List<String> more) {
    String sandbox = "http://localhost:" + sandboxPort;
    List<String> arguments = new java.util.ArrayList<>(List.of("--server.port=" + port,
        "--PATHWAYS_DB_URL=" + databaseUrl,
        "--PATHWAYS_DB_USER=" + settings.databaseUser(),
        "--PATHWAYS_DEMO=false",
        "--pathways.security.admin-password=" + UUID.randomUUID(),
        "--pathways.partners.police.base-url=" + sandbox + "/police",
        "--pathways.partners.health.base-url=" + sandbox + "/fhir",
        "--pathways.partners.social-care.base-url=" + sandbox + "/social-care",
        "--pathways.partners.voluntary.base-url=" + sandbox + "/voluntary",
        // the bare models keep lists (agencies, action ids) as untyped variables; the pathway types its lists
        "--camunda.bpm.default-serialization-format=application/json",
        "--logging.level.root=WARN",
        // the test classpath also holds the two-node test's model, which the deployment gate checks (application-test.yaml)
        "--pathways.deployment-gate.expression-beans=workingDays,stepUpTimescales,jobRecorder"));
    arguments.addAll(more);
    return new SpringApplicationBuilder(PartnershipPathwaysApplication.class).profiles("postgres")
        .run(arguments.toArray(String[]::new));
  }

  /** The partner sandbox, replying at once and never failing: partners add nothing to the measured time. */
  private static ConfigurableApplicationContext startSandbox(Map<Agency, String> partnerKeys) {
    return startSandbox(partnerKeys, SANDBOX_PORT, APPLICATION_PORT);
  }

  private static ConfigurableApplicationContext startSandbox(Map<Agency, String> partnerKeys, int port,
      int applicationPort) {
    List<String> arguments = new java.util.ArrayList<>(List.of("--server.port=" + port,
        "--pathways.sandbox.engine-url=http://localhost:" + applicationPort,
        "--pathways.sandbox.latency=0s",
        "--pathways.sandbox.response-delay=0s",
        "--pathways.sandbox.failure-rate=0",
        "--pathways.sandbox.replies=true",
        "--logging.level.root=WARN",
        "--logging.level.org.partnershippathways=WARN"));
    partnerKeys.forEach((agency, key) -> arguments.add("--pathways.sandbox.keys[" + agency.groupId() + "]=" + key));
    return PartnerSandboxApplication.start(arguments.toArray(String[]::new));
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port for the benchmark", e);
    }
  }

  private static String baseUrl() {
    return "http://localhost:" + APPLICATION_PORT;
  }
}

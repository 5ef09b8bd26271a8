package org.partnershippathways.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.partnershippathways.PartnershipPathwaysApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The benchmark of the README ({@code mvn -Pbenchmark verify}): on an empty PostgreSQL database, measures start
 * time and heap, the Tasklist query of one agency over many open cases, and prints a table and writes
 * {@code target/benchmark/benchmark-results.json}. Asserts only that each measurement really ran.
 */
class PathwayBenchmark {

  private static final String AGENCY = "police";

  @Test
  void measure() throws Exception {
    BenchmarkSettings settings = BenchmarkSettings.fromSystemProperties();
    BenchmarkReport report = new BenchmarkReport();
    report.context("pathways", settings.pathways());
    report.context("openCases", settings.openCases());
    report.context("historicActivities", settings.historicActivities());
    report.context("database", settings.databaseUrl());
    report.context("cores", Runtime.getRuntime().availableProcessors());
    report.context("java", System.getProperty("java.version"));
    Path output = Path.of("target", "benchmark");
    Files.createDirectories(output);

    BenchmarkDatabase.recreate(settings.databaseUrl(), settings.databaseUser());
    measureStartup(settings, report, output);

    try (ConfigurableApplicationContext application = startApplication(settings)) {
      measureTaskQuery(settings, report, application);
    }

    System.out.println(report.table());
    Path json = report.writeJson(output);
    System.out.println("Benchmark results written to " + json.toAbsolutePath());
  }

  private void measureStartup(BenchmarkSettings settings, BenchmarkReport report, Path output) throws Exception {
    StartupMeasurement startup = new StartupMeasurement();
    StartupMeasurement.Result firstStart = startup.measure(settings, output.resolve("first-start.log"));
    StartupMeasurement.Result restart = startup.measure(settings, output.resolve("restart.log"));
    report.add("(e) start, empty database", "java -jar to health UP", firstStart.secondsToHealthUp(), "s");
    report.add("(e) start, empty database", "heap used after start", firstStart.heapUsedMb(), "MB");
    report.add("(e) restart", "java -jar to health UP", restart.secondsToHealthUp(), "s", "< 30 s");
    report.add("(e) restart", "heap used after start", restart.heapUsedMb(), "MB");
    report.add("(e) restart", "heap used after a full GC", restart.heapUsedAfterGcMb(), "MB");
    assertThat(restart.heapUsedAfterGcMb()).isPositive();
  }

  private void measureTaskQuery(BenchmarkSettings settings, BenchmarkReport report,
      ConfigurableApplicationContext application) throws Exception {
    OpenCases openCases = new OpenCases(application.getBean(RepositoryService.class),
        application.getBean(RuntimeService.class));
    openCases.deploy();
    long started = System.nanoTime();
    openCases.start(settings.openCases(), 4);
    double seconds = (System.nanoTime() - started) / 1e9;
    report.add("(c) open cases", "cases started", settings.openCases(), "cases");
    report.add("(c) open cases", "starts per second (4 threads)", settings.openCases() / seconds, "1/s");

    String password = UUID.randomUUID().toString();
    String user = createAgencyUser(application.getBean(IdentityService.class), password);
    TaskQueryMeasurement tasklist = new TaskQueryMeasurement(baseUrl(application), user, password);
    String filterId = tasklist.filterId("My agency's tasks");
    long visible = tasklist.count(filterId);
    long expected = settings.openCases() / OpenCases.GROUPS.size();
    assertThat(visible).as("tasks the agency sees").isBetween(expected, expected + 1);
    LatencySample sample = tasklist.measure(filterId, 20, 200);
    String name = "agency filter: page of 15 + count";
    report.add("(c) Tasklist query (" + AGENCY + ")", name + " p50", sample.percentile(50), "ms");
    report.add("(c) Tasklist query (" + AGENCY + ")", name + " p95", sample.percentile(95), "ms", "< 100 ms");
    report.add("(c) Tasklist query (" + AGENCY + ")", name + " p99", sample.percentile(99), "ms");
    report.add("(c) Tasklist query (" + AGENCY + ")", "tasks visible to the agency", visible, "tasks");
  }

  private static String createAgencyUser(IdentityService identity, String password) {
    String userId = "benchmark." + AGENCY;
    User user = identity.newUser(userId);
    user.setFirstName("Benchmark");
    user.setLastName("Practitioner");
    user.setPassword(password);
    identity.saveUser(user);
    identity.createMembership(userId, AGENCY);
    if (!identity.checkPassword(userId, password)) {
      throw new IllegalStateException("the benchmark user cannot sign in");
    }
    return userId;
  }

  private static ConfigurableApplicationContext startApplication(BenchmarkSettings settings) {
    List<String> arguments = List.of("--server.port=0",
        "--PATHWAYS_DB_URL=" + settings.databaseUrl(),
        "--PATHWAYS_DB_USER=" + settings.databaseUser(),
        "--PATHWAYS_DEMO=false",
        "--pathways.security.admin-password=" + UUID.randomUUID(),
        "--logging.level.root=WARN");
    return new SpringApplicationBuilder(PartnershipPathwaysApplication.class).profiles("postgres")
        .run(arguments.toArray(String[]::new));
  }

  private static String baseUrl(ConfigurableApplicationContext application) {
    int port = ((WebServerApplicationContext) application).getWebServer().getPort();
    return "http://localhost:" + port;
  }
}

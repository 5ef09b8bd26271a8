package org.partnershippathways.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.partnershippathways.sandbox.PartnerSandboxApplication;
import org.partnershippathways.sandbox.ReceivedRequests;
import org.partnershippathways.security.Agency;
import org.partnershippathways.security.PartnerApiKeys;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The reliability run ({@code mvn -Preliability verify}, docs/reliability.md): two nodes of the packaged
 * application in processes of their own on one PostgreSQL database (a server of the run's own), the partner
 * sandbox, and N cases driven along the main path to closure over HTTP while, one after the other, a node is
 * killed with {@code kill -9} and started again, the database server restarts, and a partner's system is down for
 * a while. Prints and writes, per scenario and for the whole run, what was started, closed, lost, stuck (and where),
 * duplicated, audited and raised as incidents, and how long recovery took
 * ({@code target/reliability/*.json}). Asserts that nothing was lost or duplicated and that every disclosure was
 * audited, never a time.
 */
class ReliabilityRun {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final String PATHWAY = "early-intervention-pathway";

  private final ReliabilitySettings settings = ReliabilitySettings.fromSystemProperties();
  private final Path output = Path.of("target", "reliability");
  private final String run = Long.toString(System.currentTimeMillis() % 100_000_000L, 36);
  /** The application's default first partnership (application.yaml), which the run's users work in. */
  private static final String PARTNERSHIP = "our-partnership";

  private final String password = "Rel-" + UUID.randomUUID() + "-aA1!";
  private final List<AutoCloseable> toClose = new ArrayList<>();
  private int nextPort;

  private DedicatedPostgres postgres;
  private PartnerFront partnerFront;
  private ApplicationNode nodeA;
  private ApplicationNode nodeB;
  private RunObservations observations;
  private PathwayClient client;

  @Test
  void run() throws Exception {
    Files.createDirectories(output);
    nextPort = settings.firstPort();
    System.out.printf("Reliability run %s: %d cases, %d drivers, partner %s down for %s, jar %s%n", run,
        settings.cases(), settings.drivers(), settings.partnerDown(), settings.partnerOutage(), settings.jarPath());
    Thread stopOnExit = new Thread(this::stopEverything);
    Runtime.getRuntime().addShutdownHook(stopOnExit);
    try {
      startEverything();
      List<TrackedCase> cases = new ArrayList<>();
      for (int i = 0; i < settings.cases(); i++) {
        cases.add(new TrackedCase(i));
      }
      Instant started = Instant.now();
      List<Scenario> scenarios = driveWithFaults(cases);
      Instant finished = Instant.now();
      awaitQuiet(Duration.ofMinutes(3));
      report(cases, scenarios, started, finished);
    } finally {
      stopEverything();
      Runtime.getRuntime().removeShutdownHook(stopOnExit);
    }
  }

  /** Stops what the run started, last first; also when the build is stopped (the nodes are processes of their own). */
  private synchronized void stopEverything() {
    for (int i = toClose.size() - 1; i >= 0; i--) {
      try {
        toClose.get(i).close();
      } catch (Exception e) {
        System.out.println("while stopping: " + e);
      }
    }
    toClose.clear();
  }

  private void startEverything() throws Exception {
    postgres = new DedicatedPostgres(output, port());
    toClose.add(postgres);
    postgres.start();
    postgres.createDatabase();
    System.out.println("Database: embedded PostgreSQL 15 of the run at " + postgres.url());

    Map<Agency, String> keys = new EnumMap<>(Agency.class);
    for (Agency agency : Agency.values()) {
      keys.put(agency, "reliability-" + agency.groupId() + "-" + UUID.randomUUID() + UUID.randomUUID());
    }
    int sandboxPort = port();
    int frontPort = port();
    int portA = port();
    int portB = port();
    String sandboxUrl = "http://localhost:" + sandboxPort;
    List<String> sandboxArguments = new ArrayList<>(List.of("--server.port=" + sandboxPort,
        // replies go to node A, the node that is not killed (no load balancer in front of the nodes here)
        "--pathways.sandbox.engine-url=http://localhost:" + portA,
        "--pathways.sandbox.latency=1s", "--pathways.sandbox.response-delay=0s",
        "--pathways.sandbox.failure-rate=0", "--pathways.sandbox.replies=true",
        "--logging.level.root=WARN", "--logging.level.org.partnershippathways=WARN"));
    keys.forEach((agency, key) -> sandboxArguments.add("--pathways.sandbox.keys[" + agency.groupId() + "]=" + key));
    ConfigurableApplicationContext sandbox = PartnerSandboxApplication.start(sandboxArguments.toArray(String[]::new));
    toClose.add(sandbox::close);
    observations = new RunObservations(postgres.url(), sandbox.getBean(ReceivedRequests.class));

    partnerFront = new PartnerFront(frontPort, sandboxUrl);
    partnerFront.up();
    toClose.add(partnerFront);

    Map<String, String> environment = new HashMap<>();
    environment.put("PATHWAYS_DB_URL", postgres.url());
    environment.put("PATHWAYS_DB_USER", "postgres");
    environment.put("PATHWAYS_ADMIN_PASSWORD", password);
    environment.put("PATHWAYS_DEMO", "false");
    Map<String, String> paths = Map.of("POLICE", "/police", "HEALTH_FHIR", "/fhir", "SOCIAL_CARE", "/social-care",
        "VOLUNTARY", "/voluntary");
    paths.forEach((name, path) -> {
      boolean down = path.substring(1).equals(settings.partnerDown())
          || (path.equals("/fhir") && settings.partnerDown().equals("health"));
      environment.put("PATHWAYS_" + name + "_URL", (down ? partnerFront.url() : sandboxUrl) + path);
    });
    keys.forEach((agency, key) -> environment.put("PATHWAYS_" + agency.name() + "_SYSTEM_KEY_SHA256",
        PartnerApiKeys.sha256Hex(key)));
    List<String> arguments = new ArrayList<>();
    if (settings.jobLockTime() != null) {
      arguments.add("--camunda.bpm.job-execution.lock-time-in-millis=" + settings.jobLockTime().toMillis());
    }
    nodeA = new ApplicationNode("node-a", portA, settings.jarPath(), environment, arguments,
        output.resolve("node-a.log"));
    toClose.add(nodeA);
    nodeB = new ApplicationNode("node-b", portB, settings.jarPath(), environment, arguments,
        output.resolve("node-b.log"));
    toClose.add(nodeB);
    // Both at once, as after a deployment of a cluster (the first to get Liquibase's lock creates the schema).
    java.util.concurrent.CompletableFuture<Void> startingA = java.util.concurrent.CompletableFuture.runAsync(() -> {
      try {
        nodeA.start();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    nodeB.start();
    startingA.join();
    System.out.println("Nodes up: " + nodeA.baseUrl() + ", " + nodeB.baseUrl() + "; sandbox " + sandboxUrl
        + "; " + settings.partnerDown() + " behind " + partnerFront.url());

    client = new PathwayClient(List.of(nodeA.baseUrl(), nodeB.baseUrl()), password, settings.patience());
    createUsers();
  }

  /** The run's people, created as an administrator does: in the engine's REST API (Admin does the same). */
  private void createUsers() {
    PathwayClient admin = new PathwayClient(List.of(nodeA.baseUrl()), password, Duration.ofMinutes(1));
    Map<String, String> groupOfUser = new LinkedHashMap<>();
    groupOfUser.put(RestCaseDriver.COORDINATOR, "coordinators");
    RestCaseDriver.PRACTITIONER_OF_AGENCY.forEach((agency, user) -> groupOfUser.put(user, agency));
    groupOfUser.forEach((user, group) -> {
      PathwayClient.Answer created = admin.post("admin", "/engine-rest/user/create", Map.of(
          "profile", Map.of("id", user, "firstName", "Reliability", "lastName", group,
              "email", user + "@example.org"),
          "credentials", Map.of("password", password)));
      assertThat(created.status()).as("creating %s: %s", user, created.body()).isEqualTo(204);
      PathwayClient.Answer member = admin.send("admin", "PUT", "/engine-rest/group/" + group + "/members/" + user,
          null, Map.of());
      assertThat(member.status()).as("adding %s to %s: %s", user, group, member.body()).isEqualTo(204);
      // as README's "Adding a partnership" does: the user works in the application's first partnership
      PathwayClient.Answer partnership = admin.send("admin", "PUT", "/engine-rest/tenant/" + PARTNERSHIP
          + "/user-members/" + user, null, Map.of());
      assertThat(partnership.status()).as("adding %s to %s: %s", user, PARTNERSHIP, partnership.body())
          .isEqualTo(204);
    });
  }

  /**
   * The cases go in four slices; each fault strikes once its slice has started (so cases are in flight at every
   * step of the path), and the next slice starts while the fault lasts. Faults follow one another, each after the
   * previous one has recovered.
   */
  private List<Scenario> driveWithFaults(List<TrackedCase> cases) throws Exception {
    RestCaseDriver driver = new RestCaseDriver(client, run, settings.patience());
    int slice = (cases.size() + 3) / 4;
    AtomicInteger gate = new AtomicInteger(slice);
    AtomicInteger next = new AtomicInteger();
    AtomicInteger startedCount = new AtomicInteger();
    ExecutorService drivers = Executors.newFixedThreadPool(settings.drivers());
    for (int t = 0; t < settings.drivers(); t++) {
      drivers.submit(() -> {
        for (int i = next.getAndIncrement(); i < cases.size(); i = next.getAndIncrement()) {
          while (i >= gate.get()) {
            PathwayClient.sleep(Duration.ofMillis(200));
          }
          drive(driver, cases.get(i), startedCount);
        }
      });
    }
    drivers.shutdown();
    List<Scenario> scenarios = new ArrayList<>();
    List<FaultStep> faults = List.of(this::killAndRestartNode, this::restartDatabase, this::partnerDown);
    for (int k = 0; k < faults.size(); k++) {
      int sliceStarted = Math.min(cases.size(), (k + 1) * slice);
      awaitCondition(Duration.ofHours(2), () -> startedCount.get() >= sliceStarted || drivers.isTerminated());
      int release = (k + 2) * slice;
      scenarios.add(faults.get(k).run(() -> gate.set(release)));
      System.out.println("Scenario done: " + scenarios.get(k));
    }
    gate.set(Integer.MAX_VALUE);
    drivers.awaitTermination(6, TimeUnit.HOURS);
    return scenarios;
  }

  private void drive(RestCaseDriver driver, TrackedCase tracked, AtomicInteger startedCount) {
    try {
      tracked.startedAt = Instant.now();
      RestCaseDriver.DrivenCase driven = driver.start(tracked.index);
      tracked.caseId = driven.caseId();
      tracked.reference = driven.reference();
      startedCount.incrementAndGet();
      driver.driveToClosure(driven);
      tracked.closedAt = Instant.now();
    } catch (RuntimeException gaveUp) {
      startedCount.incrementAndGet();
      tracked.stuckWhere = gaveUp instanceof RestCaseDriver.StuckCase ? gaveUp.getMessage() : gaveUp.toString();
      System.out.println("case " + tracked.index + " (" + tracked.reference + ") stuck: " + tracked.stuckWhere);
    }
  }

  @FunctionalInterface
  private interface FaultStep {
    /** Strikes, calls {@code struck} once the fault is in place, removes it, waits for recovery. */
    Scenario run(Runnable struck) throws Exception;
  }

  private Scenario killAndRestartNode(Runnable struck) throws Exception {
    Map<String, Instant> lockedAtKill = observations.lockedJobs();
    Instant faultAt = Instant.now();
    nodeB.kill();
    struck.run();
    PathwayClient.sleep(settings.nodeDowntime());
    Instant removed = Instant.now();
    nodeB.start();
    Instant nodeUp = Instant.now();
    Instant recovered = awaitRecovery(() -> observations.stillHeld(lockedAtKill) == 0);
    return new Scenario("node-killed", "kill -9 of node-b (" + lockedAtKill.size()
        + " jobs locked by the nodes at that moment), started again after " + settings.nodeDowntime().toSeconds()
        + " s", faultAt, removed, recovered, "node-b answered UP "
        + Duration.between(removed, nodeUp).toSeconds() + " s after its start; jobs it held waited for their lock"
        + " to end (" + (settings.jobLockTime() == null ? "the application's lock time"
            : settings.jobLockTime().toSeconds() + " s") + ")");
  }

  private Scenario restartDatabase(Runnable struck) throws Exception {
    Map<String, Instant> lockedAtRestart = observations.lockedJobs();
    Instant faultAt = Instant.now();
    struck.run();
    postgres.restart();
    Instant removed = Instant.now();
    // a job whose transaction the restart broke could not record its failure: it waits for its lock to end
    Instant recovered = awaitRecovery(() -> observations.stillHeld(lockedAtRestart) == 0);
    return new Scenario("database-restarted", "PostgreSQL fast shutdown (connections cut, transactions rolled back)"
        + " and start", faultAt, removed, recovered, "server down for "
        + Duration.between(faultAt, removed).toMillis() + " ms");
  }

  private Scenario partnerDown(Runnable struck) throws Exception {
    Instant faultAt = Instant.now();
    partnerFront.down();
    struck.run();
    PathwayClient.sleep(settings.partnerOutage());
    partnerFront.up();
    Instant removed = Instant.now();
    Instant recovered = awaitRecovery(() -> true);
    return new Scenario("partner-down", settings.partnerDown() + " system refusing connections for "
        + settings.partnerOutage().toSeconds() + " s", faultAt, removed, recovered,
        "requests that failed are tried again on the tasks' failedJobRetryTimeCycle (PT10S,PT1M,PT5M,...)");
  }

  /** Waits until both nodes answer UP, no failed job or incident is left, and {@code more} holds. */
  private Instant awaitRecovery(BooleanSupplier more) {
    boolean recovered = awaitCondition(settings.patience(), () -> nodeA.healthUp() && nodeB.healthUp()
        && observations.failedWorkLeft() == 0 && more.getAsBoolean());
    return recovered ? Instant.now() : null;
  }

  /** After the last case: the work still under way (notifications) settles. */
  private void awaitQuiet(Duration patience) {
    awaitCondition(patience, () -> observations.failedWorkLeft() == 0);
  }

  private static boolean awaitCondition(Duration patience, BooleanSupplier condition) {
    long deadline = System.nanoTime() + patience.toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return true;
      }
      PathwayClient.sleep(Duration.ofSeconds(1));
    }
    return false;
  }

  private void report(List<TrackedCase> cases, List<Scenario> scenarios, Instant started, Instant finished)
      throws IOException {
    Map<String, String> statuses = observations.caseStatuses(cases.stream().filter(c -> c.caseId != null)
        .map(c -> c.caseId).toList());
    Set<String> running = observations.runningPathways();
    Map<String, String> ended = observations.endedPathways();
    Map<String, Integer> perPerson = observations.casesPerPerson("Reliability-" + run + "-");
    List<RunObservations.Incident> incidents = observations.incidents();
    Map<Integer, String> fates = new HashMap<>();
    for (TrackedCase tracked : cases) {
      fates.put(tracked.index, fate(tracked, statuses, running, ended));
    }

    List<Map<String, Object>> results = new ArrayList<>();
    for (Scenario scenario : scenarios) {
      List<TrackedCase> ofScenario = cases.stream()
          .filter(c -> c.inFlightDuring(scenario.faultAt(), scenario.windowEnd())).toList();
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("scenario", scenario.name());
      result.put("fault", scenario.fault());
      result.put("faultAt", scenario.faultAt().toString());
      result.put("secondsFaultLasted", scenario.secondsFaultLasted());
      result.put("secondsToRecover", scenario.secondsToRecover());
      result.put("recoveredMeans", "both nodes UP, no failed job waiting for another try, no open incident"
          + (scenario.name().equals("partner-down") ? "" : ", no job locked when the fault struck still held"
              + " by that lock"));
      result.put("notes", scenario.notes());
      result.putAll(figures(ofScenario, fates, incidents.stream()
          .filter(i -> !i.raisedAt().isBefore(scenario.faultAt()) && i.raisedAt().isBefore(scenario.windowEnd()))
          .toList(), perPerson));
      results.add(result);
      write(scenario.name() + ".json", result);
    }
    Map<String, Object> whole = new LinkedHashMap<>();
    whole.put("scenario", "whole-run");
    whole.put("cases", settings.cases());
    whole.put("drivers", settings.drivers());
    whole.put("seconds", Duration.between(started, finished).toSeconds());
    whole.put("requestsSentAgainByTheDriversClient", client.failovers());
    whole.putAll(figures(cases, fates, incidents, perPerson));
    results.add(whole);
    write("whole-run.json", whole);
    write("reliability-results.json", Map.of("run", run, "settings", settings.toString(), "results", results));
    print(results);

    for (Map<String, Object> result : results) {
      assertThat(result.get("lost")).as("lost cases in %s", result.get("scenario")).isEqualTo(0);
      assertThat(result.get("duplicateRequestsReceivedByPartners")).as("duplicates in %s", result.get("scenario"))
          .isEqualTo(0);
      assertThat(result.get("duplicatedCases")).as("duplicated cases in %s", result.get("scenario")).isEqualTo(0);
      assertThat((List<?>) result.get("receivedWithoutAudit")).as("disclosed without audit in %s",
          result.get("scenario")).isEmpty();
      assertThat((List<?>) result.get("auditedButNotReceived")).as("audited, never received, in %s",
          result.get("scenario")).isEmpty();
    }
    assertThat(whole.get("stuck")).as("cases that stopped moving (where: %s)", whole.get("stuckWhere"))
        .isEqualTo(0);
    assertThat(scenarios).as("every fault struck").hasSize(3);
    assertThat(results.subList(0, 3)).as("cases in flight during every fault")
        .allSatisfy(result -> assertThat((Integer) result.get("casesStarted")).isPositive());
  }

  /** closed, stuck: where, or lost: why. */
  private String fate(TrackedCase tracked, Map<String, String> statuses, Set<String> running,
      Map<String, String> ended) {
    if (tracked.caseId == null) {
      return "stuck: intake (" + tracked.stuckWhere + ")";
    }
    String status = statuses.get(tracked.caseId);
    if (status == null) {
      return "lost: no case row";
    }
    if (running.contains(tracked.reference)) {
      return "stuck: " + (tracked.stuckWhere == null ? "" : tracked.stuckWhere + "; ")
          + "waiting at " + observations.whereWaiting(tracked.reference);
    }
    String end = ended.get(tracked.reference);
    if (end == null) {
      return "lost: no pathway instance, running or ended (case " + status + ")";
    }
    if (!"CLOSED".equals(status) || tracked.closedAt == null) {
      return "lost: pathway ended at " + end + ", case " + status;
    }
    return "closed";
  }

  private Map<String, Object> figures(List<TrackedCase> cases, Map<Integer, String> fates,
      List<RunObservations.Incident> incidents, Map<String, Integer> perPerson) {
    Map<String, Object> figures = new LinkedHashMap<>();
    List<String> caseFates = cases.stream().map(c -> fates.get(c.index)).toList();
    figures.put("casesStarted", cases.size());
    figures.put("closed", caseFates.stream().filter("closed"::equals).count());
    figures.put("lost", (int) caseFates.stream().filter(f -> f.startsWith("lost")).count());
    List<String> stuck = cases.stream().filter(c -> fates.get(c.index).startsWith("stuck"))
        .map(c -> c.reference + " " + fates.get(c.index)).toList();
    figures.put("stuck", stuck.size());
    figures.put("stuckWhere", stuck);
    figures.put("lostWhy", cases.stream().filter(c -> fates.get(c.index).startsWith("lost"))
        .map(c -> c.reference + " " + fates.get(c.index)).toList());
    figures.put("duplicatedCases", (int) cases.stream()
        .filter(c -> perPerson.getOrDefault("Reliability-" + run + "-" + c.index, 0) > 1).count());
    RunObservations.Disclosures disclosures = observations.disclosures(cases.stream()
        .map(c -> c.caseId).filter(java.util.Objects::nonNull).collect(Collectors.toSet()));
    figures.put("requestsReceivedByPartners", disclosures.requestsReceived());
    figures.put("duplicateRequestsReceivedByPartners", disclosures.duplicateRequests());
    figures.put("duplicates", disclosures.duplicates());
    figures.put("requestsReceivedAgainWithTheSameKey", disclosures.resentSameKey());
    figures.put("disclosuresAudited", disclosures.disclosuresAudited());
    figures.put("receivedWithoutAudit", disclosures.receivedWithoutAudit());
    figures.put("auditedButNotReceived", disclosures.auditedNotReceived());
    figures.put("incidentsRaised", incidents.size());
    figures.put("incidentsResolved", incidents.stream().filter(RunObservations.Incident::resolved).count());
    figures.put("incidentsOpen", incidents.stream().filter(RunObservations.Incident::open).count());
    figures.put("incidents", incidents.stream().map(i -> i.type() + " at " + i.activity()).distinct().toList());
    return figures;
  }

  private void print(List<Map<String, Object>> results) {
    System.out.println();
    System.out.println("Reliability run " + run + " (" + settings.cases() + " cases)");
    System.out.printf("%-19s %7s %6s %4s %5s %10s %8s %8s %9s %9s %8s%n", "scenario", "started", "closed", "lost",
        "stuck", "duplicates", "received", "audited", "incidents", "resolved", "recover");
    for (Map<String, Object> r : results) {
      System.out.printf("%-19s %7s %6s %4s %5s %10s %8s %8s %9s %9s %8s%n", r.get("scenario"), r.get("casesStarted"),
          r.get("closed"), r.get("lost"), r.get("stuck"), r.get("duplicateRequestsReceivedByPartners"),
          r.get("requestsReceivedByPartners"), r.get("disclosuresAudited"), r.get("incidentsRaised"),
          r.get("incidentsResolved"), r.containsKey("secondsToRecover") ? r.get("secondsToRecover") + " s" : "");
      for (String key : List.of("stuckWhere", "lostWhy", "duplicates", "receivedWithoutAudit",
          "auditedButNotReceived")) {
        List<?> items = (List<?>) r.get(key);
        if (!items.isEmpty()) {
          System.out.println("    " + key + ": " + items.subList(0, Math.min(10, items.size()))
              + (items.size() > 10 ? " ... (" + items.size() + ")" : ""));
        }
      }
    }
    System.out.println("Written to " + output.toAbsolutePath() + "/*.json");
  }

  private void write(String name, Object content) throws IOException {
    JSON.writeValue(output.resolve(name).toFile(), content);
  }

  private int port() {
    if (nextPort > 0) {
      return nextPort++;
    }
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("no free port", e);
    }
  }
}

package org.partnershippathways.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partnershippathways.PartnershipPathwaysApplication;
import org.partnershippathways.intake.ConcernApiIT;
import org.partnershippathways.intake.ConcernIntake;
import org.partnershippathways.intake.ConcernReceipt;
import org.partnershippathways.testsupport.TestDatabase;
import org.partnershippathways.testsupport.TestPartnerships;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Camunda 7 scales by adding engine nodes on one database. Two complete application nodes share one database
 * (PostgreSQL in the PostgreSQL suite), both with their job executor on: every job runs exactly once, both nodes
 * take work, and starting both at once deploys the models once.
 */
class TwoNodesOnOneDatabaseIT {

  private static final int INSTANCES = 200;
  private static final String TABLE = "test_two_node_execution";
  private static final List<ConfigurableApplicationContext> nodes = new ArrayList<>();
  private static java.util.Date startedAt;

  @BeforeAll
  static void startTwoNodes() {
    startedAt = new java.util.Date(System.currentTimeMillis() - 1000);
    List<String> arguments = new ArrayList<>(List.of("--server.port=0",
        "--camunda.bpm.job-execution.enabled=true",
        "--camunda.bpm.job-execution.wait-time-in-millis=200",
        "--camunda.bpm.job-execution.max-wait=1000"));
    if (TestDatabase.isPostgres()) {
      // The configuration of docker-compose.yml: profile postgres, connection from PATHWAYS_DB_* settings.
      arguments.add("--PATHWAYS_DB_URL=" + System.getProperty("PATHWAYS_TEST_DB_URL"));
      arguments.add("--PATHWAYS_DB_USER=" + System.getProperty("PATHWAYS_TEST_DB_USER"));
    } else {
      arguments.add("--spring.datasource.url=jdbc:h2:mem:two-nodes-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
      // the job recorder makes a table of its own, which only the schema's owner may
      arguments.add("--pathways.database.embedded-accounts=false");
    }
    // Both nodes start at the same moment, as after a rolling deployment of a cluster.
    CompletableFuture<ConfigurableApplicationContext> first = CompletableFuture.supplyAsync(
        () -> startNode("node-a", arguments));
    CompletableFuture<ConfigurableApplicationContext> second = CompletableFuture.supplyAsync(
        () -> startNode("node-b", arguments));
    nodes.add(first.join());
    nodes.add(second.join());
  }

  private static ConfigurableApplicationContext startNode(String name, List<String> arguments) {
    List<String> nodeArguments = new ArrayList<>(arguments);
    nodeArguments.add("--test.node-name=" + name);
    // Engines are registered by name for the whole JVM (the webapps find theirs so): the nodes' engines get names
    // of their own, so closing them leaves the tests' application and its engine "default" as they were.
    nodeArguments.add("--camunda.bpm.process-engine-name=" + name);
    return new SpringApplicationBuilder(PartnershipPathwaysApplication.class, JobRecorderConfiguration.class)
        .profiles(TestDatabase.isPostgres() ? new String[] {"test", "postgres"} : new String[] {"test"})
        .run(nodeArguments.toArray(String[]::new));
  }

  @AfterAll
  static void stopNodes() {
    nodes.forEach(ConfigurableApplicationContext::close);
  }

  @Test
  void everyJobRunsExactlyOnceAndBothNodesWork() throws InterruptedException {
    HistoryService history = nodes.get(0).getBean(HistoryService.class);
    JdbcTemplate jdbc = nodes.get(0).getBean(JdbcTemplate.class);
    String batch = UUID.randomUUID().toString();
    List<String> instanceIds = new ArrayList<>();
    // Cases arrive at both nodes, as behind a load balancer; both job executors compete for every job.
    for (int i = 0; i < INSTANCES; i++) {
      RuntimeService runtime = nodes.get(i % 2).getBean(RuntimeService.class);
      instanceIds.add(runtime.startProcessInstanceByKey("two-node-test", batch + "-" + i).getId());
    }

    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (history.createHistoricProcessInstanceQuery().processInstanceBusinessKeyLike(batch + "-%").finished()
        .count() < INSTANCES && Instant.now().isBefore(deadline)) {
      Thread.sleep(250);
    }

    assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKeyLike(batch + "-%")
        .finished().count()).isEqualTo(INSTANCES);
    List<Map<String, Object>> perInstance = jdbc.queryForList("select process_instance_id, count(*) as runs from "
        + TABLE + " where batch = ? group by process_instance_id", batch);
    assertThat(perInstance).hasSize(INSTANCES);
    assertThat(perInstance).allSatisfy(row -> assertThat(((Number) row.get("runs")).intValue()).isEqualTo(2));
    List<String> workers = jdbc.queryForList("select distinct node from " + TABLE + " where batch = ?", String.class,
        batch);
    assertThat(workers).containsExactlyInAnyOrder("node-a", "node-b");
    assertThat(nodes.get(0).getBean(RuntimeService.class).createIncidentQuery().count()).isZero();
    assertThat(instanceIds).doesNotHaveDuplicates();
  }

  /** Intake locks only the person's stripes (cases.IntakeStripes): concerns about one new person still take turns. */
  @Test
  void concernsAboutOneNewPersonOnBothNodesAtOnceMakeOneCase() throws Exception {
    String familyName = ConcernApiIT.familyName();
    org.partnershippathways.intake.ConcernRequest request = new com.fasterxml.jackson.databind.ObjectMapper()
        .readValue(ConcernApiIT.concern(familyName, ConcernApiIT.nhsNumber(), "Seen with older men"),
            org.partnershippathways.intake.ConcernRequest.class);
    int concerns = 8;
    java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(concerns);
    List<CompletableFuture<ConcernReceipt>> raised = new ArrayList<>();
    for (int i = 0; i < concerns; i++) {
      ConcernIntake intake = nodes.get(i % 2).getBean(ConcernIntake.class);
      raised.add(CompletableFuture.supplyAsync(() -> {
        try {
          together.await();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
        return intake.raise(request, null, "two-node-test", TestPartnerships.FIRST);
      }, java.util.concurrent.Executors.newSingleThreadExecutor()));
    }
    List<ConcernReceipt> receipts = raised.stream().map(CompletableFuture::join).toList();

    assertThat(receipts).extracting(ConcernReceipt::caseId).containsOnly(receipts.get(0).caseId());
    assertThat(receipts).filteredOn(receipt -> !receipt.joinedExistingCase()).hasSize(1);
    JdbcTemplate jdbc = nodes.get(0).getBean(JdbcTemplate.class);
    assertThat(jdbc.queryForObject("select count(*) from pathway_case where person_family_name = ?", Integer.class,
        familyName)).isEqualTo(1);
    assertThat(jdbc.queryForObject("select count(*) from pathway_concern where case_id = ?", Integer.class,
        receipts.get(0).caseId())).isEqualTo(concerns);
  }

  @Test
  void startingBothNodesAtOnceDeployedTheModelsAtMostOnce() {
    RepositoryService repository = nodes.get(1).getBean(RepositoryService.class);
    long deploymentsDuringStart = repository.createDeploymentQuery().deploymentName(ModelDeployment.DEPLOYMENT_NAME)
        .deploymentAfter(startedAt).count();
    if (TestDatabase.isPostgres()) {
      // The engine's deployment lock serialises the two starts: once on a new database, not at all when an earlier
      // start already deployed the same models.
      assertThat(deploymentsDuringStart).isLessThanOrEqualTo(1);
    } else {
      // Camunda takes no pessimistic lock on H2 (DbSqlSession skips them there), so two nodes starting in the same
      // instant may both deploy: several nodes need PostgreSQL, as the README says. The new database is deployed to.
      assertThat(deploymentsDuringStart).isBetween(1L, 2L);
    }
  }

  @Test
  void eachNodeReportsHealthyWithItsJobExecutor() {
    for (ConfigurableApplicationContext node : nodes) {
      int port = ((WebServerApplicationContext) node).getWebServer().getPort();
      String health = new TestRestTemplate().getForObject("http://localhost:" + port + "/actuator/health",
          String.class);
      assertThat(health).contains("\"status\":\"UP\"").contains("jobExecutor").contains("processEngine");
    }
  }

  /** Records, in a test table, which node ran each job. */
  @Configuration
  static class JobRecorderConfiguration {

    @Bean
    JobRecorder jobRecorder(JdbcTemplate jdbc, @Value("${test.node-name}") String node) {
      jdbc.execute("create table if not exists " + TABLE
          + " (batch varchar(64), process_instance_id varchar(64), activity varchar(64), node varchar(16))");
      return new JobRecorder(jdbc, node);
    }
  }

  public record JobRecorder(JdbcTemplate jdbc, String node) {

    public void record(DelegateExecution execution) {
      String businessKey = execution.getProcessBusinessKey();
      jdbc.update("insert into " + TABLE + " (batch, process_instance_id, activity, node) values (?, ?, ?, ?)",
          businessKey.substring(0, businessKey.lastIndexOf('-')), execution.getProcessInstanceId(),
          execution.getCurrentActivityId(), node);
    }
  }
}

package org.partnershippathways.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.partnershippathways.testsupport.PathwaysIntegrationTest;
import org.partnershippathways.testsupport.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The engine starts and works on the schema Liquibase made, on H2 and on PostgreSQL. */
@PathwaysIntegrationTest
class SchemaAndEngineIT {

  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;

  @Test
  void runsOnTheDatabaseOfTheSuite() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      String product = connection.getMetaData().getDatabaseProductName();
      assertThat(product).isEqualTo(TestDatabase.isPostgres() ? "PostgreSQL" : "H2");
    }
  }

  @Test
  void liquibaseCreatedTheEngineTablesAndTheEngineDidNot() {
    Integer camundaChangeSets = jdbc.queryForObject(
        "select count(*) from databasechangelog where author = 'Camunda'", Integer.class);
    assertThat(camundaChangeSets).isGreaterThanOrEqualTo(18);
    Integer schemaLog724 = jdbc.queryForObject(
        "select count(*) from act_ge_schema_log where version_ like '7.24%'", Integer.class);
    assertThat(schemaLog724).isEqualTo(1);
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.getDatabaseSchemaUpdate()).isEqualTo("false");
  }

  @Test
  void runsAProcessWithAJobAUserTaskAndHistory() {
    ProcessInstance instance = runtimeService.startProcessInstanceByKey("platform-smoke-test");

    Job job = managementService.createJobQuery().processInstanceId(instance.getId()).singleResult();
    managementService.executeJob(job.getId());
    Task review = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(review.getTaskDefinitionKey()).isEqualTo("Task_Review");
    assertThat(runtimeService.getVariable(instance.getId(), "workedBy")).isEqualTo("job");
    taskService.complete(review.getId());

    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instance.getId())
        .finished().count()).isEqualTo(1);
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
        .count()).isEqualTo(4);
  }
}

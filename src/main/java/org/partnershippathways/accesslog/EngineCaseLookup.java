package org.partnershippathways.accesslog;

import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.partnershippathways.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The case of a task or a process instance, through the engine's public API (run as the system: the caller's read
 * was already allowed): the case whose process instance is the root of theirs, else the case whose reference is the
 * business key (a withdrawal of consent runs in an instance of its own, keyed by the case's reference).
 */
@Component
record EngineCaseLookup(HistoryService history, JdbcClient jdbc, CurrentUser currentUser) {

  Optional<String> ofTask(String taskId) {
    return currentUser.asSystem(() -> {
      HistoricTaskInstance task = history.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
      return task == null || task.getProcessInstanceId() == null ? Optional.<String>empty()
          : byRootInstance(task.getRootProcessInstanceId()).or(() -> byInstance(task.getProcessInstanceId()));
    });
  }

  Optional<String> ofProcessInstance(String processInstanceId) {
    return currentUser.asSystem(() -> byRootInstance(processInstanceId).or(() -> byInstance(processInstanceId)));
  }

  private Optional<String> byInstance(String processInstanceId) {
    HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
        .processInstanceId(processInstanceId).singleResult();
    if (instance == null) {
      return Optional.empty();
    }
    return byRootInstance(instance.getRootProcessInstanceId()).or(() -> byReference(instance.getBusinessKey()));
  }

  private Optional<String> byRootInstance(String processInstanceId) {
    return processInstanceId == null ? Optional.empty()
        : jdbc.sql("select id from pathway_case where process_instance_id = :instance")
            .param("instance", processInstanceId).query(String.class).optional();
  }

  private Optional<String> byReference(String reference) {
    return reference == null ? Optional.empty()
        : jdbc.sql("select id from pathway_case where reference = :reference").param("reference", reference)
            .query(String.class).optional();
  }
}

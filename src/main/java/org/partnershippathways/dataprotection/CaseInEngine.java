package org.partnershippathways.dataprotection;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * A case in the engine: its process instances (its own, every one it called, and any other with its {@code caseId}),
 * marked restricted, or removed with their runtime and history. Public engine API only; callers run it as the system.
 */
@Component
record CaseInEngine(RuntimeService runtime, HistoryService history, TaskService tasks, ManagementService management) {

  static final String RESTRICTION_VARIABLE = "restriction";

  /** Every process instance of the case, running or ended. */
  List<String> instances(String caseId, String rootInstanceId) {
    Set<String> ids = new LinkedHashSet<>();
    if (rootInstanceId != null) {
      ids.add(rootInstanceId);
      history.createHistoricProcessInstanceQuery().rootProcessInstanceId(rootInstanceId).list()
          .forEach(instance -> ids.add(instance.getId()));
    }
    history.createHistoricProcessInstanceQuery().variableValueEquals("caseId", caseId).list().stream()
        .map(HistoricProcessInstance::getId).forEach(ids::add);
    runtime.createProcessInstanceQuery().variableValueEquals("caseId", caseId).list().stream()
        .map(ProcessInstance::getId).forEach(ids::add);
    return new ArrayList<>(ids);
  }

  /**
   * Marks every running instance and open task of the case with the restriction, and brings the case's waiting
   * asynchronous steps (partner requests, retries included) forward to now, so that they meet the gateway's refusal
   * at once and end on the rejection path with its reason.
   */
  int restrict(List<String> instanceIds, String notice) {
    int pending = 0;
    for (String instance : instanceIds) {
      if (runtime.createProcessInstanceQuery().processInstanceId(instance).count() == 0) {
        continue;
      }
      runtime.setVariable(instance, RESTRICTION_VARIABLE, notice);
      for (Task task : tasks.createTaskQuery().processInstanceId(instance).list()) {
        // the description first: a task variable's change updates the task (its revision), so a task read before
        // it could no longer be saved (an open task made every restriction answer 409)
        task.setDescription(notice);
        tasks.saveTask(task);
        tasks.setVariableLocal(task.getId(), RESTRICTION_VARIABLE, notice);
      }
      for (Job job : management.createJobQuery().processInstanceId(instance).messages().list()) {
        management.setJobRetries(job.getId(), Math.max(job.getRetries(), 1));
        management.setJobDuedate(job.getId(), null);
        pending++;
      }
    }
    return pending;
  }

  /** Removes the instances: running ones deleted (no listeners, no output mappings), then all their history. */
  int erase(List<String> instanceIds, String reason) {
    for (String instance : instanceIds) {
      if (runtime.createProcessInstanceQuery().processInstanceId(instance).count() > 0) {
        runtime.deleteProcessInstance(instance, reason, true, true, true, false);
      }
    }
    for (String instance : instanceIds) {
      history.createHistoricDecisionInstanceQuery().processInstanceId(instance).list().stream()
          .map(HistoricDecisionInstance::getId).forEach(history::deleteHistoricDecisionInstanceByInstanceId);
    }
    List<String> ended = instanceIds.stream()
        .filter(id -> history.createHistoricProcessInstanceQuery().processInstanceId(id).count() > 0).toList();
    if (!ended.isEmpty()) {
      history.deleteHistoricProcessInstancesIfExists(ended);
    }
    return ended.size();
  }
}

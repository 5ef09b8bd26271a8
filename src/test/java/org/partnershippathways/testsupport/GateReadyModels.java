package org.partnershippathways.testsupport;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.StartEventBuilder;

/**
 * Small models for integration tests that pass the deployment gate like any other deployment: readable ids, names,
 * a diagram (the fluent builder draws one), and a form in the same deployment for each user task.
 */
public final class GateReadyModels {

  private GateReadyModels() {
  }

  /** A process that starts and ends. */
  public static BpmnModelInstance startAndEnd(String key) {
    return start(key).sequenceFlowId("SequenceFlow_Done").endEvent("EndEvent_Done").name("Done").done();
  }

  /** Deploys a process with one user task offered to the groups (an expression allowed), and the task's form. */
  public static Deployment deployUserTask(RepositoryService repository, String key, String taskId, String groups) {
    String formId = formId(taskId);
    return repository.createDeployment().name(key).addModelInstance(key + ".bpmn", userTask(key, taskId, groups))
        .addString(formId + ".form", form(formId)).deploy();
  }

  /** A process with one user task offered to the groups, showing the form named after the task. */
  public static BpmnModelInstance userTask(String key, String taskId, String groups) {
    return start(key).sequenceFlowId("SequenceFlow_ToWork")
        .userTask(taskId).name("Do the work").camundaDueDate("P1D")
        .camundaFormRef(formId(taskId)).camundaFormRefBinding("deployment")
        .camundaCandidateGroups(groups)
        .sequenceFlowId("SequenceFlow_Done").endEvent("EndEvent_Done").name("Done").done();
  }

  /** The form named after the task: {@code Task_AgencyWork} shows {@code agency-work}. */
  public static String formId(String taskId) {
    return taskId.replaceFirst("^Task_", "").replaceAll("(?<=[a-z0-9])(?=[A-Z])", "-").toLowerCase();
  }

  public static String form(String formId) {
    return "{\"id\": \"" + formId + "\", \"type\": \"default\", \"components\": [{\"type\": \"text\", \"id\":"
        + " \"Field_Note\", \"text\": \"Test form\"}]}";
  }

  private static StartEventBuilder start(String key) {
    return Bpmn.createExecutableProcess(key).name("Test " + key).camundaHistoryTimeToLive(1)
        .startEvent("StartEvent_Started").name("Started");
  }
}

package org.partnershippathways.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.partnershippathways.testsupport.GateReadyModels;

/** The integration tests' small models pass the gate's conventions, as the gate will check them. */
class GateReadyModelsTest {

  @Test
  void theTestModelsFollowTheConventions() {
    String key = "gate-ready";
    List<ModelFile> files = List.of(
        new ModelFile("a.bpmn", Bpmn.convertToString(GateReadyModels.startAndEnd(key)).getBytes(StandardCharsets.UTF_8)),
        new ModelFile("b.bpmn", Bpmn.convertToString(GateReadyModels.userTask(key + "-task", "Task_HubWork",
            "coordinators")).getBytes(StandardCharsets.UTF_8)),
        new ModelFile("hub-work.form", GateReadyModels.form("hub-work").getBytes(StandardCharsets.UTF_8)));
    assertThat(ModelConventions.check(files, ModelConventionsTest.SHIPPED)).isEmpty();
  }

  @Test
  void aUserTaskWithoutADueDateIsRefusedByName() {
    org.camunda.bpm.model.bpmn.BpmnModelInstance model = GateReadyModels.userTask("undated", "Task_HubWork",
        "coordinators");
    model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.UserTask.class)
        .forEach(task -> task.setCamundaDueDate(null));
    List<ModelFile> files = List.of(
        new ModelFile("undated.bpmn", Bpmn.convertToString(model).getBytes(StandardCharsets.UTF_8)),
        new ModelFile("hub-work.form", GateReadyModels.form("hub-work").getBytes(StandardCharsets.UTF_8)));
    assertThat(ModelConventions.check(files, ModelConventionsTest.SHIPPED)).singleElement()
        .satisfies(rule -> assertThat(rule.toString()).contains("Task_HubWork").contains("no due date"));
  }
}

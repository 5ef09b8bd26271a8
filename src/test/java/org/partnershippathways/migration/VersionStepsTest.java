package org.partnershippathways.migration;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.junit.jupiter.api.Test;

class VersionStepsTest {

  private final BpmnModelInstance model = Bpmn.createExecutableProcess("steps")
      .startEvent("StartEvent_Started").name("Started")
      .parallelGateway("Gateway_Split").name("Both at once")
      .userTask("Task_Triage").name("Confirm   or override\nthe triage")
      .parallelGateway("Gateway_Join")
      .exclusiveGateway("Gateway_AfterJoin")
      .callActivity("CallActivity_ConsentCheck").name("Check consent to share")
      .endEvent("EndEvent_Done")
      .moveToNode("Gateway_Split").userTask("Task_Other").name("Other work").connectTo("Gateway_Join")
      .done();
  private final VersionSteps steps = new VersionSteps(withoutNames(model, "Gateway_Join", "Gateway_AfterJoin",
      "EndEvent_Done"));

  /** The fluent builder names some elements after their ids; the pathway's joins have no name. */
  private static BpmnModelInstance withoutNames(BpmnModelInstance model, String... ids) {
    for (String id : ids) {
      model.<FlowNode>getModelElementById(id).removeAttribute("name");
    }
    return model;
  }

  @Test
  void aStepIsShownByItsNameInOneLine() {
    assertThat(steps.name("Task_Triage")).isEqualTo("Confirm or override the triage");
    assertThat(steps.quoted("CallActivity_ConsentCheck")).isEqualTo("'Check consent to share'");
    assertThat(steps.name("CallActivity_ConsentCheck#multiInstanceBody")).isEqualTo("Check consent to share");
  }

  @Test
  void aNamelessJoinIsNamedAfterTheNextNamedStep() {
    assertThat(steps.name("Gateway_Join"))
        .isEqualTo("Waiting for the parallel paths to meet before 'Check consent to share'");
    assertThat(steps.name("EndEvent_Done")).isEqualTo("A step without a name");
  }

  @Test
  void theStepsToMapToLeaveOutTheGateways() {
    assertThat(steps.steps()).extracting(MigrationPreview.Step::id).doesNotContain("Gateway_Join", "Gateway_Split")
        .contains("Task_Triage", "Task_Other", "CallActivity_ConsentCheck");
    assertThat(steps.has("Task_Triage")).isTrue();
    assertThat(steps.has("Task_Nowhere")).isFalse();
  }
}

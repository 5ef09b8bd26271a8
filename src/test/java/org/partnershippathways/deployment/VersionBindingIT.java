package org.partnershippathways.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.partnershippathways.testsupport.GateReadyModels;
import org.partnershippathways.testsupport.PathwaysIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Which version of a decision and of a sub-process a running case uses when new versions are deployed while it
 * runs (docs/process-change.md, "Which version a case uses"): decisions bind to the case's deployment, so the
 * older case keeps its decision table; call activities bind to the case's deployment too, so the older case,
 * reaching its call activity after the new deployment, starts the sub-process it was deployed with.
 */
@PathwaysIntegrationTest
class VersionBindingIT {

  private static final String RUN = UUID.randomUUID().toString().substring(0, 8).replaceAll("\\d", "x");
  private static final String PARENT = "versions-parent-" + RUN;
  private static final String CHILD = "versions-child-" + RUN;
  private static final String DECISION = "versions-decision-" + RUN;

  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;

  @AfterEach
  void removeTheModels() {
    repository.createDeploymentQuery().deploymentName(PARENT).list()
        .forEach(deployment -> repository.deleteDeployment(deployment.getId(), true));
  }

  @Test
  void anOlderCaseKeepsItsDecisionAndItsSubProcess() {
    deploy("first");
    ProcessInstance older = runtime.startProcessInstanceByKey(PARENT, "PP-VERSIONS-1");
    assertThat(runtime.getVariable(older.getId(), "answer")).isEqualTo("first");

    deploy("second");
    ProcessInstance newer = runtime.startProcessInstanceByKey(PARENT, "PP-VERSIONS-2");
    assertThat(runtime.getVariable(newer.getId(), "answer")).as("a new case takes the new decision table")
        .isEqualTo("second");

    tasks.complete(tasks.createTaskQuery().processInstanceId(older.getId()).singleResult().getId());
    tasks.complete(tasks.createTaskQuery().processInstanceId(newer.getId()).singleResult().getId());

    assertThat(runtime.getVariable(older.getId(), "answer"))
        .as("the older case kept the decision of its own deployment").isEqualTo("first");
    assertThat(childVersionOf(older)).as("the older case started the sub-process of its own deployment")
        .isEqualTo(1);
    assertThat(childVersionOf(newer)).isEqualTo(2);
    assertThat(definition(older.getProcessDefinitionId()).getVersion()).isEqualTo(1);
  }

  private int childVersionOf(ProcessInstance parent) {
    ProcessInstance child = runtime.createProcessInstanceQuery().superProcessInstanceId(parent.getId())
        .singleResult();
    return definition(child.getProcessDefinitionId()).getVersion();
  }

  private ProcessDefinition definition(String id) {
    return repository.createProcessDefinitionQuery().processDefinitionId(id).singleResult();
  }

  private void deploy(String answer) {
    BpmnModelInstance parent = Bpmn.createExecutableProcess(PARENT).name("Versions parent")
        .camundaHistoryTimeToLive(1)
        .startEvent("StartEvent_Started").name("Started")
        .sequenceFlowId("SequenceFlow_ToDecide")
        .businessRuleTask("BusinessRuleTask_Decide").name("Decide").camundaDecisionRef(DECISION)
        .camundaDecisionRefBinding("deployment").camundaResultVariable("answer").camundaMapDecisionResult("singleEntry")
        .sequenceFlowId("SequenceFlow_ToWait")
        .userTask("Task_Wait").name("Wait").camundaDueDate("P1D").camundaFormRef("wait").camundaFormRefBinding("deployment")
        .camundaCandidateGroups("coordinators")
        .sequenceFlowId("SequenceFlow_ToChild")
        .callActivity("CallActivity_Child").name("Run the sub-process").calledElement(CHILD)
        .camundaCalledElementBinding("deployment")
        .sequenceFlowId("SequenceFlow_Done").endEvent("EndEvent_Done").name("Done").done();
    repository.createDeployment().name(PARENT)
        .addModelInstance(PARENT + ".bpmn", parent)
        .addModelInstance(CHILD + ".bpmn", GateReadyModels.userTask(CHILD, "Task_ChildWork", "coordinators"))
        .addString("wait.form", GateReadyModels.form("wait"))
        .addString("child-work.form", GateReadyModels.form("child-work"))
        .addString(DECISION + ".dmn", decision(answer))
        .deploy();
  }

  private static String decision(String answer) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"
            xmlns:dmndi="https://www.omg.org/spec/DMN/20191111/DMNDI/" xmlns:dc="http://www.omg.org/spec/DMN/20180521/DC/"
            xmlns:camunda="http://camunda.org/schema/1.0/dmn" id="Definitions_Versions" name="Versions"
            namespace="http://camunda.org/schema/1.0/dmn">
          <decision id="%s" name="Versions decision" camunda:historyTimeToLive="P1D">
            <decisionTable id="DecisionTable_Versions">
              <input id="Input_Always" label="Always">
                <inputExpression id="InputExpression_Always" typeRef="boolean"><text>true</text></inputExpression>
              </input>
              <output id="Output_Answer" name="answer" typeRef="string" />
              <rule id="Rule_Answer">
                <inputEntry id="InputEntry_Any"><text></text></inputEntry>
                <outputEntry id="OutputEntry_Answer"><text>"%s"</text></outputEntry>
              </rule>
            </decisionTable>
          </decision>
          <dmndi:DMNDI><dmndi:DMNDiagram id="DMNDiagram_Versions"><dmndi:DMNShape id="DMNShape_Versions"
              dmnElementRef="%s"><dc:Bounds height="80" width="180" x="160" y="100" /></dmndi:DMNShape>
          </dmndi:DMNDiagram></dmndi:DMNDI>
        </definitions>
        """.formatted(DECISION, answer, DECISION).strip();
  }
}

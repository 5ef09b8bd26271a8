package org.partnershippathways.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.partnershippathways.security.Agency;

/** The delegate builds one request per multi-instance element, with its own step, from the task's inputs. */
@Deployment(resources = "test-models/partner-request-multi-test.bpmn")
class PartnerRequestDelegateTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engineExtension = ProcessEngineCoverageExtension.builder().build();

  final List<PartnerRequest> sent = new CopyOnWriteArrayList<>();
  ProcessEngine engine;

  @BeforeEach
  void setUp() {
    engine = engineExtension.getProcessEngine();
    Mocks.register("partnerRequest", new PartnerRequestDelegate(request -> {
      sent.add(request);
      return new PartnerReceipt("REF-" + request.agency().groupId(), Instant.now());
    }, org.mockito.Mockito.mock(org.partnershippathways.notifications.Notifications.class)));
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
  }

  @Test
  void eachAgencyGetsItsOwnStepAndTheLastUserIsTheRequester() {
    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("partner-request-multi-test",
        Map.of("caseId", "case-9", "agenciesToAsk", List.of("police", "health")));
    engine.getTaskService().claim(task(instance).getId(), "casey.coordinator");
    complete(task(instance));

    for (Job job : engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).list()) {
      engine.getManagementService().executeJob(job.getId());
    }

    assertThat(instance).isEnded();
    assertThat(sent).extracting(PartnerRequest::idempotencyKey).satisfiesExactlyInAnyOrder(
        key -> assertThat(key).matches("case-9:Task_AskPartner#0@[^:]+:police"),
        key -> assertThat(key).matches("case-9:Task_AskPartner#1@[^:]+:health"));
    assertThat(sent).allSatisfy(request -> {
      assertThat(request.requestedBy()).isEqualTo("casey.coordinator");
      assertThat(request.type()).isEqualTo(PartnerRequestType.INFORMATION_REQUEST);
      assertThat(request.purpose()).isNull();
    });
    assertThat(sent).extracting(PartnerRequest::agency).containsExactlyInAnyOrder(Agency.POLICE, Agency.HEALTH);
  }

  @Test
  void inACalledProcessTheRequesterIsTheLastUserOfTheCallingProcess() {
    BpmnModelInstance called = Bpmn.createExecutableProcess("partner-request-called").camundaHistoryTimeToLive(1)
        .startEvent()
        .serviceTask("Task_AskPolice").camundaAsyncBefore().camundaDelegateExpression("${partnerRequest}")
        .camundaInputParameter("agency", "police").camundaInputParameter("requestType", "MEETING_INVITATION")
        .endEvent().done();
    BpmnModelInstance caller = Bpmn.createExecutableProcess("partner-request-caller").camundaHistoryTimeToLive(1)
        .startEvent()
        .userTask("Task_Triage")
        .callActivity("CallActivity_Ask").calledElement("partner-request-called").camundaIn("caseId", "caseId")
        .endEvent().done();
    String deploymentId = engine.getRepositoryService().createDeployment()
        .addModelInstance("partner-request-called.bpmn", called)
        .addModelInstance("partner-request-caller.bpmn", caller).deploy().getId();
    try {
      ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("partner-request-caller",
          Map.of("caseId", "case-11"));
      engine.getTaskService().claim(task(instance).getId(), "sam.coordinator");
      complete(task(instance));
      Job job = engine.getManagementService().createJobQuery().processDefinitionKey("partner-request-called")
          .singleResult();
      engine.getManagementService().executeJob(job.getId());

      assertThat(instance).isEnded();
      assertThat(sent).singleElement().satisfies(request -> {
        assertThat(request.requestedBy()).isEqualTo("sam.coordinator");
        assertThat(request.idempotencyKey()).matches("case-11:Task_AskPolice@[^:]+:police");
      });
    } finally {
      engine.getRepositoryService().deleteDeployment(deploymentId, true);
    }
  }

  @Test
  void theSignedInUserIsTheRequesterWhenThereIsOne() {
    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("partner-request-multi-test",
        Map.of("caseId", "case-10", "agenciesToAsk", List.of("voluntary")));
    complete(task(instance));
    engine.getIdentityService().setAuthenticatedUserId("manager");
    try {
      engine.getManagementService().executeJob(
          engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).singleResult().getId());
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    assertThat(sent).singleElement().satisfies(request -> assertThat(request.requestedBy()).isEqualTo("manager"));
  }

  @Test
  void theSameStepReachedAgainIsANewRequestButARetriedJobIsNot() {
    BpmnModelInstance loop = Bpmn.createExecutableProcess("partner-request-loop-test").camundaHistoryTimeToLive(1)
        .startEvent()
        .exclusiveGateway("Gateway_Round")
        .serviceTask("Task_InvitePolice").camundaAsyncBefore().camundaDelegateExpression("${partnerRequest}")
        .camundaInputParameter("agency", "police").camundaInputParameter("requestType", "MEETING_INVITATION")
        .userTask("Task_HoldMeeting")
        .exclusiveGateway("Gateway_AnotherRound")
        .condition("another round", "${anotherRound}").connectTo("Gateway_Round")
        .moveToNode("Gateway_AnotherRound").condition("done", "${!anotherRound}").endEvent()
        .done();
    engine.getRepositoryService().createDeployment().addModelInstance("loop.bpmn", loop).deploy();
    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("partner-request-loop-test",
        Map.of("caseId", "case-12"));

    Job firstRound = engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
        .singleResult();
    engine.getManagementService().executeJob(firstRound.getId());
    complete(task(instance), Map.of("anotherRound", true));
    Job secondRound = engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
        .singleResult();
    engine.getManagementService().executeJob(secondRound.getId());
    complete(task(instance), Map.of("anotherRound", false));

    assertThat(instance).isEnded();
    assertThat(sent).hasSize(2);
    assertThat(sent.get(0).idempotencyKey()).as("each round invites anew")
        .isNotEqualTo(sent.get(1).idempotencyKey());
  }
}

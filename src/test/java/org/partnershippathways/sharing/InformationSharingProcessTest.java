package org.partnershippathways.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.simple.JdbcClient;

@ExtendWith(ProcessEngineCoverageExtension.class)
@Deployment(resources = {"processes/information-sharing.bpmn", "processes/partner-routing.dmn"})
class InformationSharingProcessTest {

  record Call(String activity, String agency, String requestType, String purpose) {
  }

  ProcessEngine processEngine;
  SharingTable records;
  PartnerResponseCorrelation correlation;
  JavaDelegate partnerRequest = mock(JavaDelegate.class);
  List<Call> calls = new ArrayList<>();
  List<String> rejectAt = new ArrayList<>();
  String caseId = UUID.randomUUID().toString();

  @BeforeEach
  void registerBeans() throws Exception {
    BpmnAwareTests.init(processEngine);
    records = new SharingTable(JdbcClient.create(
        ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration()).getDataSource()));
    correlation = new PartnerResponseCorrelation(processEngine.getRuntimeService());
    doAnswer(invocation -> {
      DelegateExecution execution = invocation.getArgument(0);
      calls.add(new Call(execution.getCurrentActivityId(), (String) execution.getVariable("agency"),
          (String) execution.getVariable("requestType"), (String) execution.getVariable("purpose")));
      if (rejectAt.remove(execution.getCurrentActivityId())) {
        throw new BpmnError("PARTNER_REJECTED", "Person not known: check the date of birth");
      }
      return null;
    }).when(partnerRequest).execute(any());
    Mocks.register("partnerRequest", partnerRequest);
    SharingDelegates.register(new InformationRequests(records));
  }

  @AfterEach
  void resetMocks() {
    Mocks.reset();
  }

  @Test
  void asksEveryRoutedAgencyInParallelAndSummarisesTheReplies() {
    ProcessInstance instance = start("AMBER", false, List.of("DOMESTIC_ABUSE", "MENTAL_HEALTH", "HOUSING"));

    assertThat(instance).variables().containsEntry("agenciesToAsk", List.of("police", "health", "voluntary"));
    List<Job> sends = jobsAt("ServiceTask_SendInformationRequest");
    assertThat(sends).hasSize(3);
    sends.forEach(job -> processEngine.getManagementService().executeJob(job.getId()));

    assertThat(calls).extracting(Call::agency).containsExactlyInAnyOrder("police", "health", "voluntary");
    assertThat(calls).allSatisfy(call -> {
      assertThat(call.requestType()).isEqualTo("INFORMATION_REQUEST");
      assertThat(call.activity()).isEqualTo("ServiceTask_SendInformationRequest");
    });
    assertThat(correlation.isWaiting(caseId, "police")).isTrue();
    assertThat(correlation.isWaiting(caseId, "social-care")).isFalse();

    reply("police", true, "Two call-outs for domestic incidents in 2026; a DVPN is in force.");
    reply("health", false, "Not registered with a GP in the area.");
    assertThat(correlation.isWaiting(caseId, "police")).as("police answered").isFalse();
    assertThat(instance).isNotEnded();
    reply("voluntary", true, "Known to the housing advice service.");

    assertThat(instance).isEnded().hasPassedInOrder("BusinessRuleTask_ChooseAgencies", "SubProcess_AskPartner",
        "ServiceTask_SummariseResponses", "EndEvent_InformationGathered");
    String summary = (String) assertThat(instance).variables().actual().get("partnerResponsesSummary");
    assertThat(summary)
        .contains("Police: holds information: Two call-outs for domestic incidents")
        .contains("Health (NHS): holds no information: Not registered")
        .contains("Voluntary sector: holds information: Known to the housing advice service.");
    assertThat(records.requestsOfCase(caseId)).extracting(InformationRequestView::status)
        .containsOnly(InformationRequestStatus.ANSWERED);
  }

  @Test
  void remindsAnAgencyThatHasNotRepliedInTwoWorkingDays() {
    ProcessInstance instance = start("GREEN", false, List.of("HOUSING"));
    executeJob("ServiceTask_SendInformationRequest");
    assertThat(instance).isWaitingAt("Gateway_AwaitResponse");

    executeJob("IntermediateCatchEvent_TwoDaysPassed");
    executeJob("ServiceTask_ChasePartner");

    assertThat(calls).containsExactly(
        new Call("ServiceTask_SendInformationRequest", "voluntary", "INFORMATION_REQUEST",
            calls.get(0).purpose()),
        new Call("ServiceTask_ChasePartner", "voluntary", "INFORMATION_REQUEST", "reminder"));
    assertThat(instance).isWaitingAt("Gateway_AwaitResponseAfterChase");
    assertThat(records.requestsOfCase(caseId).get(0).chasedAt()).isNotNull();

    reply("voluntary", false, "Not known to us.");
    assertThat(instance).isEnded().hasPassed("IntermediateCatchEvent_ResponseAfterChase");
  }

  @Test
  void alertsTheCoordinatorAfterFiveWorkingDaysWithoutAReply() {
    ProcessInstance instance = start("GREEN", false, List.of("HOUSING"));
    executeJob("ServiceTask_SendInformationRequest");
    executeJob("IntermediateCatchEvent_TwoDaysPassed");
    executeJob("ServiceTask_ChasePartner");
    executeJob("IntermediateCatchEvent_FiveDaysPassed");

    assertThat(instance).isWaitingAt("Task_FollowUpMissingResponse");
    Task followUp = taskOf(instance);
    assertThat(followUp).hasCandidateGroup("coordinators").hasName("Follow up the missing reply: Voluntary sector");
    assertThatThrownBy(() -> processEngine.getTaskService().complete(followUp.getId()))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("must be chosen from the list");

    complete(instance, Map.of("followUpDecision", "CHASED_BY_PHONE", "followUpNote", "Spoke to the duty manager"));
    assertThat(instance).isWaitingAt("Gateway_AwaitResponseAfterChase");
    executeJob("IntermediateCatchEvent_FiveDaysPassed");
    complete(instance, Map.of("followUpDecision", "PROCEED_WITHOUT"));

    assertThat(instance).isEnded().hasPassed("EndEvent_ProceededWithoutResponse");
    assertThat(records.requestsOfCase(caseId).get(0).status()).isEqualTo(InformationRequestStatus.CLOSED_WITHOUT_REPLY);
    assertThat((String) processEngine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).variableName("partnerResponsesSummary").singleResult().getValue())
        .isEqualTo("Voluntary sector: no reply (went on without it)");
  }

  @Test
  void aRejectedRequestGoesToTheCoordinatorWhoMaySendItAgain() {
    rejectAt.add("ServiceTask_SendInformationRequest");
    ProcessInstance instance = start("GREEN", false, List.of("HOUSING"));
    executeJob("ServiceTask_SendInformationRequest");

    assertThat(instance).isWaitingAt("Task_ResolveRejectedRequest");
    assertThat(taskOf(instance)).hasCandidateGroup("coordinators")
        .hasName("Resolve the rejected request: Voluntary sector");
    assertThat(processEngine.getTaskService().getVariable(taskOf(instance).getId(), "partnerRejectionMessage"))
        .isEqualTo("Person not known: check the date of birth");
    assertThat(records.requestOf(instance.getId(), "voluntary")).as("a rejected request is not waiting").isEmpty();
    complete(instance, Map.of("rejectionDecision", "RETRY"));
    executeJob("ServiceTask_ResendInformationRequest");

    assertThat(calls).extracting(Call::activity)
        .containsExactly("ServiceTask_SendInformationRequest", "ServiceTask_ResendInformationRequest");
    assertThat(instance).isWaitingAt("Gateway_AwaitResponse");
    reply("voluntary", true, "Known.");
    assertThat(instance).isEnded();
  }

  @Test
  void aRequestRejectedAgainWhenSentAgainGoesBackToTheCoordinator() {
    rejectAt.add("ServiceTask_SendInformationRequest");
    rejectAt.add("ServiceTask_ResendInformationRequest");
    ProcessInstance instance = start("GREEN", false, List.of("HOUSING"));
    executeJob("ServiceTask_SendInformationRequest");
    complete(instance, Map.of("rejectionDecision", "RETRY"));
    executeJob("ServiceTask_ResendInformationRequest");

    assertThat(instance).hasPassed("BoundaryEvent_ResendRejected").isWaitingAt("Task_ResolveRejectedRequest");
    complete(instance, Map.of("rejectionDecision", "SKIP"));
    assertThat(instance).isEnded().hasPassed("EndEvent_AgencySkipped");
  }

  @Test
  void aRejectedAgencyCanBeSkippedWhileTheOthersAreStillAsked() {
    rejectAt.add("ServiceTask_SendInformationRequest");
    ProcessInstance instance = start("AMBER", false, List.of("HOUSING"));
    assertThat(instance).variables().containsEntry("agenciesToAsk", List.of("police", "voluntary"));
    jobsAt("ServiceTask_SendInformationRequest")
        .forEach(job -> processEngine.getManagementService().executeJob(job.getId()));
    String rejected = calls.get(0).agency();
    String accepted = rejected.equals("police") ? "voluntary" : "police";

    complete(instance, Map.of("rejectionDecision", "SKIP"));
    assertThat(instance).isNotEnded();
    reply(accepted, false, "Nothing known.");

    assertThat(instance).isEnded().hasPassed("EndEvent_AgencySkipped");
    assertThat(records.requestOf(instance.getId(), rejected).orElseThrow().status())
        .isEqualTo(InformationRequestStatus.SKIPPED);
  }

  @Test
  void aRejectedReminderGoesStraightToTheFollowUp() {
    rejectAt.add("ServiceTask_ChasePartner");
    ProcessInstance instance = start("GREEN", false, List.of("HOUSING"));
    executeJob("ServiceTask_SendInformationRequest");
    executeJob("IntermediateCatchEvent_TwoDaysPassed");
    executeJob("ServiceTask_ChasePartner");

    assertThat(instance).isWaitingAt("Task_FollowUpMissingResponse");
    assertThat(records.requestOf(instance.getId(), "voluntary").orElseThrow().chasedAt()).isNull();
    complete(instance, Map.of("followUpDecision", "PROCEED_WITHOUT"));
    assertThat(instance).isEnded();
  }

  @Test
  void aWithdrawalOfConsentEndsTheWaitingRequestsAndStopsAskingAndChasing() {
    ProcessInstance instance = start("AMBER", false, List.of("DOMESTIC_ABUSE", "MENTAL_HEALTH"));
    jobsAt("ServiceTask_SendInformationRequest").forEach(job -> execute(job));
    reply("police", true, "Known to police.");

    int ended = new PendingRequests(records, processEngine.getRuntimeService()).endBecauseConsentWithdrawn(caseId);

    assertThat(ended).isEqualTo(1);
    assertThat(instance).isEnded().hasPassed("BoundaryEvent_ConsentWithdrawn", "ServiceTask_SummariseResponses");
    assertThat(jobsAt("IntermediateCatchEvent_TwoDaysPassed")).as("no reminder is due any more").isEmpty();
    assertThat(records.requestsOfCase(caseId)).extracting(InformationRequestView::agency, InformationRequestView::status)
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("police", InformationRequestStatus.ANSWERED),
            org.assertj.core.groups.Tuple.tuple("health", InformationRequestStatus.ENDED));
    assertThat(records.waitingRequest(caseId, "health")).isEmpty();
  }

  @Test
  void aLowRiskCaseWithNoRoutedAgencyAsksNobody() {
    ProcessInstance instance = start("GREEN", false, List.of());

    assertThat(instance).isEnded().variables().containsEntry("agenciesToAsk", List.of())
        .containsEntry("partnerResponsesSummary", "No agency was asked.");
    assertThat(calls).isEmpty();
  }

  private ProcessInstance start(String riskRating, boolean child, List<String> categories) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("caseId", caseId);
    variables.put("caseReference", "PP-2026-000002");
    variables.put("riskRating", riskRating);
    variables.put("child", child);
    variables.put("concernCategories", new ArrayList<>(categories));
    return processEngine.getRuntimeService().startProcessInstanceByKey("information-sharing", variables);
  }

  private void reply(String agency, boolean holdsInformation, String summary) {
    String requestId = records.waitingRequest(caseId, agency).orElseThrow().id();
    records.saveResponse(caseId, agency, requestId, summary, holdsInformation, "PC Jones", "REF-" + agency,
        agency + "-system");
    assertThat(correlation.correlate(caseId, agency)).isEqualTo(1);
    jobsAt("EndEvent_AgencyAnswered").forEach(job -> processEngine.getManagementService().executeJob(job.getId()));
  }

  private List<Job> jobsAt(String activityId) {
    return processEngine.getManagementService().createJobQuery().activityId(activityId).list();
  }

  private void executeJob(String activityId) {
    List<Job> jobs = jobsAt(activityId);
    assertThat(jobs).as("one job at " + activityId).hasSize(1);
    execute(jobs.get(0));
  }

  private void complete(ProcessInstance instance, Map<String, Object> variables) {
    processEngine.getTaskService().complete(taskOf(instance).getId(), variables);
  }

  private Task taskOf(ProcessInstance instance) {
    return processEngine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
  }
}

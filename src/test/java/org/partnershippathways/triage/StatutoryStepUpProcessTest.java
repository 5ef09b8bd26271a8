package org.partnershippathways.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.partnershippathways.platform.InvalidTaskInput;

@ExtendWith(ProcessEngineCoverageExtension.class)
@Deployment(resources = "processes/statutory-step-up.bpmn")
class StatutoryStepUpProcessTest {

  ProcessEngine processEngine;
  final List<String> vitalInterests = new ArrayList<>();
  final List<String> partnerCalls = new ArrayList<>();
  final List<String> overdueReferralsTold = new ArrayList<>();

  @BeforeEach
  void wire() {
    Mocks.register("recordVitalInterests", new RecordVitalInterestsDelegate(
        (caseId, decidedBy) -> vitalInterests.add(caseId)));
    Mocks.register("statutoryReferralCheck", new StatutoryReferralCheck());
    Mocks.register("stepUpNoteCheck", new StepUpNoteCheck());
    Mocks.register("referralOverdue", (org.camunda.bpm.engine.delegate.TaskListener) task -> task.getCandidates()
        .forEach(link -> overdueReferralsTold.add(task.getVariable("caseId") + ":" + link.getGroupId())));
    Mocks.register("stepUpTimescales", new StepUpTimescales(Duration.ofHours(4)));
    Mocks.register("partnerRequest", (JavaDelegate) execution -> partnerCalls.add(
        execution.getVariable("agency") + ":" + execution.getVariable("requestType")));
  }

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  private ProcessInstance start() {
    return runtimeService().startProcessInstanceByKey("statutory-step-up", "PP-2026-000001",
        Variables.putValue("caseId", "case-1").putValue("caseReference", "PP-2026-000001").putValue("child", true)
            .putValue("riskRating", "RED"));
  }

  private void notifyBoth(ProcessInstance instance) {
    execute(job("ServiceTask_NotifyPolice", instance));
    execute(job("ServiceTask_NotifySocialCare", instance));
  }

  @Test
  void recordsTheLawfulBasisNotifiesPoliceAndSocialCareAndAsksSocialCareWithinFourClockHours() {
    ProcessInstance instance = start();

    assertThat(vitalInterests).containsExactly("case-1");
    assertThat(instance).isWaitingAt("ServiceTask_NotifyPolice", "ServiceTask_NotifySocialCare");
    notifyBoth(instance);
    assertThat(partnerCalls).containsExactlyInAnyOrder("police:IMMEDIATE_RISK_NOTIFICATION",
        "social-care:IMMEDIATE_RISK_NOTIFICATION");

    assertThat(instance).isWaitingAt("Task_StatutorySafeguardingReferral");
    assertThat(task(instance)).hasCandidateGroup("social-care");
    Date expected = Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofHours(4)));
    assertThat(task(instance).getDueDate()).isCloseTo(expected, 60_000);

    complete(task(instance), withVariables("statutoryReferralDecision", "ACCEPTED",
        "statutoryDecisionReason", "Section 47 enquiry"));
    assertThat(instance).isEnded().hasPassed("EndEvent_AcceptedForStatutoryAction");
  }

  @Test
  void socialCareMayDeclineSoTheCaseContinuesAsEarlyHelp() {
    ProcessInstance instance = start();
    notifyBoth(instance);

    assertThatThrownBy(() -> complete(task(instance), withVariables("statutoryReferralDecision", "DECLINED")))
        .hasMessageContaining("reason");
    assertThatThrownBy(() -> complete(task(instance), withVariables("statutoryReferralDecision", "MAYBE",
        "statutoryDecisionReason", "?"))).hasMessageContaining("whether you accept the case");
    complete(task(instance), withVariables("statutoryReferralDecision", "DECLINED",
        "statutoryDecisionReason", "Threshold not met; early help"));
    assertThat(instance).isEnded().hasPassed("EndEvent_DeclinedToEarlyHelp")
        .variables().containsEntry("statutoryReferralDecision", "DECLINED");
  }

  @Test
  void aRejectedNotificationGoesToACoordinatorWhoTellsTheAgencyAnotherWay() {
    Mocks.register("partnerRequest", (JavaDelegate) execution -> {
      throw new BpmnError("PARTNER_REJECTED", "400 from " + execution.getVariable("agency"));
    });
    ProcessInstance instance = start();
    notifyBoth(instance);

    assertThat(instance).isWaitingAt("Task_ResolveRejectedPoliceNotification",
        "Task_ResolveRejectedSocialCareNotification");
    assertThat(task("Task_ResolveRejectedPoliceNotification", instance)).hasCandidateGroup("coordinators");
    assertThatThrownBy(() -> complete(task("Task_ResolveRejectedPoliceNotification", instance),
        withVariables("notificationResolution", " "))).hasRootCauseInstanceOf(InvalidTaskInput.class)
        .hasMessageEndingWith("Please correct the form: notification resolution is needed: say how you told the agency of the"
            + " immediate risk.'");
    complete(task("Task_ResolveRejectedPoliceNotification", instance),
        withVariables("notificationResolution", "Phoned the control room"));
    assertThat(instance).isWaitingAt("Task_ResolveRejectedSocialCareNotification");
    complete(task("Task_ResolveRejectedSocialCareNotification", instance),
        withVariables("notificationResolution", "Phoned the duty team"));

    assertThat(instance).isWaitingAt("Task_StatutorySafeguardingReferral");
  }

  @Test
  void aReferralNotDecidedInTimeEscalatesToSocialCareManagersAndTheOutOfHoursDutyTeam() {
    ProcessInstance instance = start();
    notifyBoth(instance);

    execute(job("BoundaryEvent_ReferralOverdue", instance));
    assertThat(instance).isWaitingAt("Task_StatutorySafeguardingReferral", "Task_EscalatedStatutoryReferral");
    assertThat(task("Task_EscalatedStatutoryReferral", instance)).hasCandidateGroup("social-care-managers")
        .hasCandidateGroup("out-of-hours-duty");
    org.assertj.core.api.Assertions.assertThat(overdueReferralsTold).as("the groups e-mailed when the task is made")
        .containsExactlyInAnyOrder("case-1:social-care-managers", "case-1:out-of-hours-duty");
    assertThatThrownBy(() -> complete(task("Task_EscalatedStatutoryReferral", instance)))
        .hasRootCauseInstanceOf(InvalidTaskInput.class)
        .hasMessageEndingWith("Please correct the form: referral escalation note is needed: say what you did to get the"
            + " referral decided (whom you reached, and when).'");
    assertThatThrownBy(() -> complete(task("Task_EscalatedStatutoryReferral", instance),
        withVariables("referralEscalationNote", "x".repeat(2001)))).hasMessageContaining("longer than 2000");
    assertThat(instance).isWaitingAt("Task_StatutorySafeguardingReferral", "Task_EscalatedStatutoryReferral");
    complete(task("Task_EscalatedStatutoryReferral", instance),
        withVariables("referralEscalationNote", "Phoned the emergency duty team"));
    assertThat(instance).hasPassed("EndEvent_EscalationFollowedUp").isWaitingAt("Task_StatutorySafeguardingReferral");

    complete(task(instance), withVariables("statutoryReferralDecision", "ACCEPTED",
        "statutoryDecisionReason", "Police protection in place; section 47 enquiry"));
    assertThat(instance).isEnded().hasPassed("EndEvent_ReferralDecided", "EndEvent_AcceptedForStatutoryAction");
  }

  @Test
  void theDecisionEndsAnEscalationStillOpen() {
    ProcessInstance instance = start();
    notifyBoth(instance);
    execute(job("BoundaryEvent_ReferralOverdue", instance));

    complete(task("Task_StatutorySafeguardingReferral", instance), withVariables("statutoryReferralDecision",
        "DECLINED", "statutoryDecisionReason", "Family support in place"));
    assertThat(instance).isEnded().hasNotPassed("EndEvent_EscalationFollowedUp")
        .hasPassed("EndEvent_DeclinedToEarlyHelp");
  }

  @Test
  void theReferralTimeIsClockTimeOfUpToADay() {
    assertThat(new StepUpTimescales(Duration.ofMinutes(90)).getReferralDue()).isEqualTo("PT90M");
    assertThatThrownBy(() -> new StepUpTimescales(Duration.ofDays(2))).hasMessageContaining("up to 24 hours");
    assertThatThrownBy(() -> new StepUpTimescales(Duration.ZERO)).hasMessageContaining("up to 24 hours");
  }
}

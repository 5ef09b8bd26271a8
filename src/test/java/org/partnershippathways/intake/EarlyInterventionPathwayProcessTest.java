package org.partnershippathways.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.mockito.ProcessExpressions;
import org.camunda.community.mockito.process.CallActivityMock;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.partnershippathways.calendar.WorkingDayCalendar;
import org.partnershippathways.cases.Cases;
import org.partnershippathways.review.ManagerReviewOfRoundsListener;
import org.partnershippathways.review.RecordClosureDelegate;
import org.partnershippathways.review.ReviewCaseListener;
import org.partnershippathways.review.ReviewTable;
import org.partnershippathways.security.CurrentUser;
import org.partnershippathways.testsupport.LiquibaseProcessEngineConfiguration;
import org.partnershippathways.triage.ConfirmTriageListener;
import org.partnershippathways.triage.StepUpTimescales;
import org.partnershippathways.triage.TriageTable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The main pathway with its own delegates and listeners on the process-test database; the called processes of the
 * other capabilities, the review-schedule decision and the partner gateway are stand-ins. The pathway's call
 * activities start the processes of their own deployment, so the stand-ins are deployed with it, when a test first
 * starts a case.
 */
@ExtendWith(ProcessEngineCoverageExtension.class)
class EarlyInterventionPathwayProcessTest {

  static final int MAX_ROUNDS = 2;

  ProcessEngine processEngine;
  JdbcClient jdbc;
  final List<String> resources = new ArrayList<>(List.of("processes/early-intervention-pathway.bpmn",
      "processes/risk-triage.dmn", "test-models/review-schedule-test.dmn"));
  final Map<String, CallActivityMock> standIns = new LinkedHashMap<>();
  String deploymentId;
  final List<String> partnerCalls = new ArrayList<>();

  @BeforeEach
  void wireTheDelegates() {
    DataSource dataSource = ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
        .getDataSource();
    jdbc = JdbcClient.create(dataSource);
    Cases cases = new Cases(dataSource);
    WorkingDayCalendar calendar = LiquibaseProcessEngineConfiguration.testCalendar();
    ConcernIntake intake = new ConcernIntake(cases, processEngine.getRuntimeService(),
        processEngine.getRepositoryService(),
        new CurrentUser(processEngine.getIdentityService()), event -> { }, (TransactionTemplate) null,
        new ObjectMapper(), calendar);
    ReviewTable reviews = new ReviewTable(dataSource);
    Mocks.register("registerConcern", new RegisterConcernDelegate(intake));
    Mocks.register("reviewPossibleDuplicate", new ReviewPossibleDuplicateListener(cases));
    Mocks.register("linkToOtherCase", new LinkToOtherCaseDelegate(cases, intake));
    Mocks.register("confirmTriage", new ConfirmTriageListener(new TriageTable(dataSource), cases, calendar));
    Mocks.register("reviewCase", new ReviewCaseListener(reviews, MAX_ROUNDS));
    Mocks.register("referralOverdue", (org.camunda.bpm.engine.delegate.TaskListener) task -> { });
    Mocks.register("managerReviewOfRounds", new ManagerReviewOfRoundsListener(reviews));
    Mocks.register("recordClosure", new RecordClosureDelegate(reviews, cases));
    Mocks.register("partnerRequest", (JavaDelegate) execution ->
        partnerCalls.add(execution.getVariable("agency") + ":" + execution.getVariable("requestType")));
    standIn("consent-check", Variables.putValue("sharingPermitted", true).putValue("sharingScope", "FULL")
        .putValue("consentOutcome", "GIVEN"));
    standIn("information-sharing", Variables.createVariables()
        .putValueTyped("agenciesToAsk", PathwayProcess.jsonList(List.of("police", "health"))));
    standIn("multi-agency-meeting", Variables.putValue("meetingId", "meeting-1")
        .putValueTyped("actionIds", PathwayProcess.jsonList(List.of("action-1", "action-2"))));
    standIn("action-tracking", Variables.createVariables());
    standIn("statutory-step-up", Variables.putValue("statutoryReferralDecision", "ACCEPTED"));
  }

  @AfterEach
  void removeTheStandIns() {
    ClockUtil.reset();
    if (deploymentId != null) {
      processEngine.getRepositoryService().deleteDeployment(deploymentId, true);
    }
    Mocks.reset();
  }

  private void standIn(String key, VariableMap outputs) {
    standIns.put(key, ProcessExpressions.registerCallActivityMock(key).onExecutionSetVariables(outputs));
  }

  private void theRealCalledProcess(String key) {
    standIns.remove(key);
    resources.add("processes/" + key + ".bpmn");
  }

  private void deployThePathwayOnce() {
    if (deploymentId == null) {
      DeploymentBuilder deployment = processEngine.getRepositoryService().createDeployment()
          .name("early-intervention-pathway-test");
      resources.forEach(deployment::addClasspathResource);
      standIns.values().forEach(standIn -> deployment.addModelInstance(standIn.getResourceName(),
          standIn.getModelInstance()));
      deploymentId = deployment.deploy().getId();
    }
  }

  static Map<String, Object> startForm(String givenName, boolean immediateRisk, String referrerAgency,
      String... categories) {
    return Variables.putValue("referrerName", "Sam Referrer").putValue("referrerAgency", referrerAgency)
        .putValue("referrerContact", "sam@example.org").putValue("givenName", givenName)
        .putValue("familyName", "Tester").putValue("dateOfBirth", "1990-05-17").putValue("address", "1 High Street")
        .putValue("child", false).putValue("concernCategories", String.join(",", categories))
        .putValue("description", "Seen sleeping rough and very low").putValue("immediateRisk", immediateRisk)
        .putValue("consentObtained", true);
  }

  static Map<String, Object> withNhsNumber(Map<String, Object> form, String nhsNumber) {
    form.put("nhsNumber", nhsNumber);
    return form;
  }

  static String uniqueName() {
    return "Alex" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
  }

  private ProcessInstance startFromTasklist(Map<String, Object> form) {
    deployThePathwayOnce();
    return runtimeService().startProcessInstanceByKey(PathwayProcess.KEY, form);
  }

  private ProcessInstance triaged(Map<String, Object> form) {
    ProcessInstance instance = startFromTasklist(form);
    assertThat(instance).isWaitingAt("Task_ConfirmTriage");
    complete(task(instance));
    return instance;
  }

  private String caseStatus(String caseId) {
    return jdbc.sql("select status from pathway_case where id = :id").param("id", caseId).query(String.class).single();
  }

  private String caseId(ProcessInstance instance) {
    return (String) processEngine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).variableName("caseId").singleResult().getValue();
  }

  private void reviewWith(ProcessInstance instance, String outcome) {
    assertThat(instance).isWaitingAt("Task_ReviewCase");
    complete(task("Task_ReviewCase", instance), withVariables("reviewOutcome", outcome, "reviewNotes", "reviewed"));
  }

  @Test
  void aConcernFromTheTasklistIsRegisteredAndTriagedByTheRules() {
    ProcessInstance instance = startFromTasklist(startForm(uniqueName(), false, "police", "HOUSING"));

    assertThat(instance).isWaitingAt("Task_ConfirmTriage").hasPassed("ServiceTask_RegisterConcern",
        "BusinessRuleTask_TriageRisk");
    assertThat(task(instance)).hasCandidateGroup("coordinators");
    String reference = (String) runtimeService().getVariable(instance.getId(), "caseReference");
    assertThat(reference).matches("PP-\\d{4}-\\d{6}");
    assertThat(instance).hasBusinessKey(reference).variables()
        .containsEntry("proposedRiskRating", "GREEN").containsEntry("proposedUrgency", "STANDARD")
        .containsEntry("proposedMeetingTimescale", "P10D").containsEntry("referrerIsPartner", true);
    assertThat(jdbc.sql("select process_instance_id from pathway_case where reference = :r").param("r", reference)
        .query(String.class).single()).isEqualTo(instance.getId());
  }

  @Test
  void anInvalidStartFormIsRefusedWithTheFieldsNamed() {
    Map<String, Object> form = startForm(uniqueName(), false, "police", "NOT_A_CATEGORY");
    form.put("dateOfBirth", "2999-01-01");

    assertThatThrownBy(() -> startFromTasklist(form))
        .hasMessageContaining("Date of birth must not be in the future")
        .hasMessageContaining("What the concern is about");
  }

  @Test
  void overridingTheTriageNeedsAReason() {
    ProcessInstance instance = startFromTasklist(startForm(uniqueName(), false, "police", "HOUSING"));

    assertThatThrownBy(() -> complete(task(instance), withVariables("riskRating", "AMBER")))
        .hasMessageContaining("you changed the proposed triage, so say why");
    assertThat(instance).isWaitingAt("Task_ConfirmTriage");

    complete(task(instance), withVariables("riskRating", "AMBER", "overrideReason", "Known to police"));
    assertThat(instance).isWaitingAt("Task_ReviewGatheredInformation").variables()
        .containsEntry("triageOverridden", true).containsEntry("riskRating", "AMBER");
    assertThat(jdbc.sql("select override_reason from triage_decision where case_id = :id")
        .param("id", caseId(instance)).query(String.class).single()).isEqualTo("Known to police");
  }

  @Test
  void confirmedTriageIsStoredWithItsMeetingDueDate() {
    ProcessInstance instance = triaged(startForm(uniqueName(), false, "police", "EXPLOITATION"));

    assertThat(instance).variables().containsEntry("riskRating", "AMBER").containsEntry("urgency", "HIGH")
        .containsKey("meetingDueDate");
    Map<String, Object> row = jdbc.sql("select * from triage_decision where case_id = :id")
        .param("id", caseId(instance)).query().singleRow();
    assertThat(row).containsEntry("RISK_RATING", "AMBER").containsEntry("OVERRIDDEN", false)
        .containsEntry("MEETING_TIMESCALE", "P5D");
    assertThat(jdbc.sql("select risk_rating from pathway_case where id = :id").param("id", caseId(instance))
        .query(String.class).single()).isEqualTo("AMBER");
  }

  @Test
  void withoutPermissionToShareTheCaseClosesAfterSingleAgencySupport() {
    standIn("consent-check", Variables.putValue("sharingPermitted", false)
        .putValue("consentOutcome", "REFUSED"));
    ProcessInstance instance = triaged(startForm(uniqueName(), false, "police", "HOUSING"));

    assertThat(instance).isWaitingAt("Task_SingleAgencySupport");
    complete(task(instance), withVariables("singleAgencySupport", "Signposted to the housing advice service"));

    assertThat(instance).isEnded().hasPassed("ServiceTask_RecordConsentRefused", "EndEvent_ConsentRefused");
    assertThat(caseStatus(caseId(instance))).isEqualTo("CLOSED");
    assertThat(jdbc.sql("select outcome, notes from case_closure where case_id = :id").param("id", caseId(instance))
        .query().singleRow()).containsEntry("OUTCOME", "CONSENT_REFUSED")
        .containsEntry("NOTES", "Signposted to the housing advice service");
  }

  @Test
  void aCaseWhoseOutcomesAreMetClosesAndTheReferrersAgencyIsTold() {
    ProcessInstance instance = triaged(startForm(uniqueName(), false, "police", "HOUSING"));

    assertThat(instance).isWaitingAt("Task_ReviewGatheredInformation");
    complete(task(instance), withVariables("informationSummary", "Known to housing"));
    assertThat(instance).hasPassed("CallActivity_MultiAgencyMeeting", "BusinessRuleTask_DecideReviewInterval",
        "CallActivity_ActionTracking").variables().containsEntry("reviewInterval", "P6W")
        .containsEntry("meetingRound", 1L);
    reviewWith(instance, "OUTCOMES_MET");

    assertThat(instance).isWaitingAt("ServiceTask_NotifyReferrer");
    execute(job());
    assertThat(instance).isEnded().hasPassed("ServiceTask_RecordClosure", "EndEvent_CaseClosed");
    assertThat(partnerCalls).containsExactly("police:CLOSURE_NOTIFICATION");
    assertThat(caseStatus(caseId(instance))).isEqualTo("CLOSED");
    assertThat(jdbc.sql("select outcome from case_closure where case_id = :id").param("id", caseId(instance))
        .query(String.class).single()).isEqualTo("OUTCOMES_MET");
  }

  @Test
  void aReferrerOutsideThePartnershipIsNotNotified() {
    ProcessInstance instance = triaged(startForm(uniqueName(), false, "school", "HOUSING"));
    complete(task(instance), withVariables("informationSummary", "Known to housing"));
    reviewWith(instance, "DISENGAGED");

    assertThat(instance).isEnded().hasNotPassed("ServiceTask_NotifyReferrer").hasPassed("EndEvent_CaseClosed");
    assertThat(partnerCalls).isEmpty();
    assertThat(jdbc.sql("select closure_outcome from pathway_case where id = :id").param("id", caseId(instance))
        .query(String.class).single()).isEqualTo("DISENGAGED");
  }

  @Test
  void aRejectedClosureNotificationGoesToTheCoordinator() {
    Mocks.register("partnerRequest", (JavaDelegate) execution -> {
      throw new BpmnError("PARTNER_REJECTED", "400 unknown referrer");
    });
    ProcessInstance instance = triaged(startForm(uniqueName(), false, "health", "HOUSING"));
    complete(task(instance), withVariables("informationSummary", "none"));
    reviewWith(instance, "DUPLICATE");
    execute(job());

    assertThat(instance).isWaitingAt("Task_ResolveRejectedClosureNotification");
    complete(task(instance), withVariables("notificationResolution", "Phoned the GP practice"));
    assertThat(instance).isEnded().hasPassed("EndEvent_CaseClosed");
  }

  @Test
  void theReviewDateEndsTheActionPlanAndNewActionsContinueIt() {
    standIns.put("action-tracking", ProcessExpressions.registerCallActivityMock("action-tracking")
        .onExecutionWaitForMessage("Message_ActionClosedInTest"));
    ProcessInstance instance = triaged(startForm(uniqueName(), false, "police", "HOUSING"));
    complete(task(instance), withVariables("informationSummary", "none"));

    assertThat(instance).isWaitingAt("SubProcess_ActionPlan");
    execute(job("BoundaryEvent_ReviewDateReached", instance));
    assertThat(instance).hasPassed("BoundaryEvent_ReviewDateReached");
    reviewWith(instance, "NEW_ACTIONS");

    assertThat(instance).isWaitingAt("SubProcess_ActionPlan");
    execute(job("BoundaryEvent_ReviewDateReached", instance));
    reviewWith(instance, "MOVED_OUT_OF_AREA");
    execute(job());
    assertThat(instance).isEnded();
  }

  @Test
  void outcomesNotMetAfterTheMaximumRoundsGoToManagersWhoMayCloseTheCase() {
    ProcessInstance instance = triaged(startForm(uniqueName(), false, "police", "HOUSING"));
    complete(task(instance), withVariables("informationSummary", "none"));
    reviewWith(instance, "NOT_MET");
    assertThat(instance).hasPassed("Gateway_AnotherRoundJoin").variables().containsEntry("meetingRound", 2L);
    reviewWith(instance, "NOT_MET");

    assertThat(instance).isWaitingAt("Task_ManagerReviewOfRounds");
    assertThat(task(instance)).hasCandidateGroup("managers");
    assertThatThrownBy(() -> complete(task(instance), withVariables("managerDecision", "CLOSE")))
        .hasMessageContaining("reason");
    complete(task(instance), withVariables("managerDecision", "ANOTHER_ROUND", "managerReason", "One more try"));
    reviewWith(instance, "NOT_MET");
    complete(task(instance), withVariables("managerDecision", "CLOSE", "managerReason", "No progress possible"));
    execute(job());

    assertThat(instance).isEnded().hasPassed("EndEvent_CaseClosed");
    assertThat(jdbc.sql("select outcome from case_closure where case_id = :id").param("id", caseId(instance))
        .query(String.class).single()).isEqualTo("OUTCOMES_NOT_MET");
    assertThat(jdbc.sql("select count(*) from case_review where case_id = :id").param("id", caseId(instance))
        .query(Integer.class).single()).isEqualTo(5);
  }

  @Test
  void managersMayStepTheCaseUp() {
    ProcessInstance instance = triaged(startForm(uniqueName(), false, "police", "HOUSING"));
    complete(task(instance), withVariables("informationSummary", "none"));
    reviewWith(instance, "NOT_MET");
    reviewWith(instance, "NOT_MET");
    complete(task(instance), withVariables("managerDecision", "STEP_UP", "managerReason", "Escalating harm"));

    assertThat(instance).isEnded().hasPassed("CallActivity_StepUp", "EndEvent_SteppedUp");
  }

  @Test
  void anImmediateRiskStepsUpAtOnceWhileTheCoordinatorTriagesAndTheCaseEndsWhenSocialCareAccepts() {
    ProcessInstance instance = startFromTasklist(startForm(uniqueName(), true, "police", "MENTAL_HEALTH"));

    // nobody waits for the coordinator: the step-up is already on its way (an asynchronous continuation)
    assertThat(instance).isWaitingAt("CallActivity_ImmediateStepUp", "Task_ConfirmTriage");
    execute(job("CallActivity_ImmediateStepUp", instance));
    assertThat(instance).hasPassed("CallActivity_ImmediateStepUp").isWaitingAt("Task_ConfirmTriage");
    complete(task(instance));

    assertThat(instance).isEnded().hasPassed("Gateway_ImmediateStepUpJoin", "ServiceTask_RecordSteppedUp",
        "EndEvent_SteppedUp").hasNotPassed("CallActivity_StepUp", "CallActivity_ConsentCheck");
    assertThat(caseStatus(caseId(instance))).isEqualTo("STEPPED_UP");
  }

  @Test
  void aDeclinedStepUpContinuesAsEarlyHelpOnceTheTriageIsConfirmed() {
    standIn("statutory-step-up", Variables.putValue("statutoryReferralDecision", "DECLINED"));
    ProcessInstance instance = startFromTasklist(startForm(uniqueName(), true, "police", "MENTAL_HEALTH"));
    execute(job("CallActivity_ImmediateStepUp", instance));
    assertThat(instance).hasNotPassed("CallActivity_ConsentCheck").isWaitingAt("Task_ConfirmTriage");
    complete(task(instance));

    assertThat(instance).hasPassed("CallActivity_ImmediateStepUp", "CallActivity_ConsentCheck")
        .hasNotPassed("CallActivity_StepUp").isWaitingAt("Task_ReviewGatheredInformation");
  }

  @Test
  void anImmediateRiskFoundAtTriageStepsUpWhenTheTriageIsConfirmed() {
    ProcessInstance instance = startFromTasklist(startForm(uniqueName(), false, "police", "HOUSING"));
    assertThat(instance).isWaitingAt("Task_ConfirmTriage");
    complete(task(instance), withVariables("riskRating", "RED", "urgency", "IMMEDIATE",
        "meetingTimescale", "P1D", "overrideReason", "The referrer's call: threats to life"));

    assertThat(instance).isEnded().hasPassed("Gateway_StepUpUnderWay", "CallActivity_StepUp", "EndEvent_SteppedUp")
        .hasNotPassed("CallActivity_ImmediateStepUp");
  }

  /**
   * Friday 18:00, the real step-up: police and social care are told within minutes, with the vital-interests basis;
   * the statutory referral is due in clock hours ({@code pathways.immediate-risk.referral-due}) and, not decided,
   * escalates that night to the social care managers and the out-of-hours duty team, not on Monday. The
   * coordinator's triage is due in one working day and waits in parallel.
   */
  @ParameterizedTest
  @CsvSource({"PT4H, 2026-12-04T22:01", "PT8H, 2026-12-05T02:01"})
  void aConcernWithImmediateRiskRaisedOnFridayEveningReachesPartnersInMinutesAndEscalatesOvernight(
      String referralDue, LocalDateTime escalation) {
    List<String> vitalInterests = new ArrayList<>();
    Map<String, Date> notified = new LinkedHashMap<>();
    Mocks.register("recordVitalInterests", (JavaDelegate) execution ->
        vitalInterests.add((String) execution.getVariable("caseId")));
    Mocks.register("partnerRequest", (JavaDelegate) execution ->
        notified.put(execution.getVariable("agency") + ":" + execution.getVariable("requestType"),
            ClockUtil.getCurrentTime()));
    Mocks.register("stepUpTimescales", new StepUpTimescales(Duration.parse(referralDue)));
    Mocks.register("statutoryReferralCheck", (TaskListener) task -> { });
    theRealCalledProcess("statutory-step-up");
    now(LocalDateTime.of(2026, 12, 4, 18, 0));

    ProcessInstance instance = startFromTasklist(startForm(uniqueName(), true, "police", "MENTAL_HEALTH"));
    assertThat(instance).isWaitingAt("CallActivity_ImmediateStepUp", "Task_ConfirmTriage");
    assertThat(task(instance).getDueDate()).isEqualTo(london(LocalDateTime.of(2026, 12, 7, 18, 0)));

    // the job executor picks the continuations up at once (each job is due when created)
    now(LocalDateTime.of(2026, 12, 4, 18, 1));
    execute(dueJob(instance.getId()));
    ProcessInstance stepUp = runtimeService().createProcessInstanceQuery().superProcessInstanceId(instance.getId())
        .singleResult();
    execute(dueJob(stepUp.getId()));
    execute(dueJob(stepUp.getId()));
    assertThat(vitalInterests).containsExactly(caseId(instance));
    assertThat(notified).containsOnlyKeys("police:IMMEDIATE_RISK_NOTIFICATION",
        "social-care:IMMEDIATE_RISK_NOTIFICATION");
    assertThat(notified.values()).allSatisfy(at -> assertThat(at).isBefore(london(LocalDateTime.of(2026, 12, 4, 18, 5))));

    Date due = london(escalation);
    assertThat(stepUp).isWaitingAt("Task_StatutorySafeguardingReferral");
    assertThat(task("Task_StatutorySafeguardingReferral", stepUp).getDueDate()).isEqualTo(due);
    Job timer = processEngine.getManagementService().createJobQuery().processInstanceId(stepUp.getId())
        .timers().singleResult();
    assertThat(timer.getDuedate()).isEqualTo(due);
    assertThat(instance).isWaitingAt("Task_ConfirmTriage");

    now(escalation);
    execute(timer);
    assertThat(stepUp).isWaitingAt("Task_StatutorySafeguardingReferral", "Task_EscalatedStatutoryReferral");
    assertThat(task("Task_EscalatedStatutoryReferral", stepUp)).hasCandidateGroup("social-care-managers")
        .hasCandidateGroup("out-of-hours-duty");
    assertThat(processEngine.getHistoryService().createHistoricActivityInstanceQuery()
        .processInstanceId(stepUp.getId()).activityId("BoundaryEvent_ReferralOverdue").singleResult().getEndTime())
        .isEqualTo(due);
  }

  private Job dueJob(String processInstanceId) {
    List<Job> due = processEngine.getManagementService().createJobQuery().processInstanceId(processInstanceId)
        .executable().list();
    assertThat(due).isNotEmpty();
    return due.get(0);
  }

  private static void now(LocalDateTime londonTime) {
    ClockUtil.setCurrentTime(london(londonTime));
  }

  private static Date london(LocalDateTime londonTime) {
    return Date.from(londonTime.atZone(ZoneId.of("Europe/London")).toInstant());
  }

  @Test
  void anIncreasedRiskAtReviewStepsUp() {
    ProcessInstance instance = triaged(startForm(uniqueName(), false, "police", "HOUSING"));
    complete(task(instance), withVariables("informationSummary", "none"));
    reviewWith(instance, "RISK_INCREASED");

    assertThat(instance).isEnded().hasPassed("Gateway_RiskIncreasedJoin", "EndEvent_SteppedUp");
  }

  @Test
  void aFurtherConcernAboutTheSamePersonJoinsTheOpenCase() {
    String name = uniqueName();
    String nhsNumber = ConcernApiIT.nhsNumber();
    ProcessInstance first = startFromTasklist(withNhsNumber(startForm(name, false, "police", "HOUSING"), nhsNumber));
    ProcessInstance second = startFromTasklist(withNhsNumber(startForm(name, false, "health", "SUBSTANCE_MISUSE"),
        nhsNumber));

    assertThat(second).isEnded().hasPassed("EndEvent_JoinedExistingCase");
    assertThat(first).isWaitingAt("Task_ConfirmTriage", "Task_ReviewFurtherConcern");
    assertThat(task("Task_ReviewFurtherConcern", first)).hasCandidateGroup("coordinators");
    assertThat(caseId(second)).isEqualTo(caseId(first));
    assertThat(jdbc.sql("select count(*) from pathway_concern where case_id = :id").param("id", caseId(first))
        .query(Integer.class).single()).isEqualTo(2);

    complete(task("Task_ReviewFurtherConcern", first), withVariables("furtherConcernNotes", "Added to the plan"));
    assertThat(first).hasPassed("EndEvent_FurtherConcernReviewed").isWaitingAt("Task_ConfirmTriage");
  }

  @Test
  void aCaseRegisteredBeforeItsProcessStartedRunsWithDefaults() {
    deployThePathwayOnce();
    ProcessInstance instance = runtimeService().startProcessInstanceByKey(PathwayProcess.KEY, "PP-2026-999999",
        Variables.putValue("caseId", "registered-elsewhere").putValue("caseReference", "PP-2026-999999")
            .putValue("immediateRisk", false).putValue("child", false).putValue("consentObtained", true)
            .putValueTyped("concernCategories", PathwayProcess.jsonList(List.of("HOUSING"))));

    assertThat(instance).isWaitingAt("Task_ConfirmTriage").variables().containsEntry("meetingRound", 0)
        .containsEntry("referrerIsPartner", false).containsEntry("proposedRiskRating", "GREEN");
  }

  @Test
  void earlierConcernsAboutAPersonRaiseTheTriage() {
    String name = uniqueName();
    standIn("consent-check", Variables.putValue("sharingPermitted", false));
    ProcessInstance first = triaged(startForm(name, false, "police", "HOUSING"));
    complete(task(first), withVariables("singleAgencySupport", "Signposted"));

    ProcessInstance second = startFromTasklist(startForm(name, false, "police", "HOUSING"));
    assertThat(second).variables().containsEntry("earlierConcerns", 1)
        .containsEntry("proposedRiskRating", "AMBER");
  }

  @Test
  void aConcernOnlyLikeAnOpenCasesPersonOpensACaseThatACoordinatorKeepsApart() {
    String name = uniqueName();
    ProcessInstance first = startFromTasklist(startForm(name, false, "police", "HOUSING"));
    // the same name and date of birth, but no NHS number to confirm it: a case of its own, for a coordinator to check
    ProcessInstance second = startFromTasklist(startForm(name, false, "health", "SUBSTANCE_MISUSE"));

    assertThat(second).isWaitingAt("Task_ReviewPossibleDuplicate").variables()
        .containsEntry("possibleDuplicateOf", runtimeService().getVariable(first.getId(), "caseReference"));
    assertThat(task(second)).hasCandidateGroup("coordinators");
    assertThat(caseId(second)).isNotEqualTo(caseId(first));
    assertThat(jdbc.sql("select possible_duplicate_of from pathway_case where id = :id").param("id", caseId(second))
        .query(String.class).single()).isEqualTo(caseId(first));
    assertThatThrownBy(() -> complete(task(second), withVariables("duplicateDecision", "KEEP_APART")))
        .hasMessageContaining("say why");

    complete(task(second), withVariables("duplicateDecision", "KEEP_APART", "duplicateReason", "Twins: other GP"));

    assertThat(second).hasPassed("Gateway_TriageJoin").isWaitingAt("Task_ConfirmTriage");
    assertThat(jdbc.sql("select duplicate_decision, duplicate_reason from pathway_case where id = :id")
        .param("id", caseId(second)).query().singleRow()).containsEntry("DUPLICATE_DECISION", "KEPT_APART")
        .containsEntry("DUPLICATE_REASON", "Twins: other GP");
  }

  @Test
  void aCoordinatorLinksAPossibleDuplicateToTheOtherCase() {
    String name = uniqueName();
    String nhsNumber = ConcernApiIT.nhsNumber();
    ProcessInstance first = startFromTasklist(withNhsNumber(startForm(name, false, "police", "HOUSING"), nhsNumber));
    // the same NHS number, but another family name and date of birth: perhaps a mistyped number
    Map<String, Object> form = withNhsNumber(startForm(name, false, "health", "SUBSTANCE_MISUSE"), nhsNumber);
    form.put("familyName", "Other");
    form.put("dateOfBirth", "1991-06-18");
    ProcessInstance second = startFromTasklist(form);
    assertThat(second).isWaitingAt("Task_ReviewPossibleDuplicate");

    complete(task(second), withVariables("duplicateDecision", "LINK", "duplicateReason", "Same address and GP"));

    assertThat(second).isEnded().hasPassed("ServiceTask_LinkToOtherCase", "ServiceTask_RecordDuplicateClosure",
        "EndEvent_LinkedToOtherCase");
    assertThat(caseStatus(caseId(second))).isEqualTo("CLOSED");
    assertThat(jdbc.sql("select outcome from case_closure where case_id = :id").param("id", caseId(second))
        .query(String.class).single()).isEqualTo("DUPLICATE");
    assertThat(jdbc.sql("select count(*) from pathway_concern where case_id = :id").param("id", caseId(first))
        .query(Integer.class).single()).isEqualTo(2);
    assertThat(first).isWaitingAt("Task_ConfirmTriage", "Task_ReviewFurtherConcern");
  }

  @Test
  void thePersonsDetailsFromTheStartFormAreNeitherKeptInTheProcessNorInItsHistory() {
    ProcessInstance instance = startFromTasklist(withNhsNumber(startForm(uniqueName(), false, "police", "HOUSING"),
        ConcernApiIT.nhsNumber()));

    assertThat(runtimeService().getVariables(instance.getId())).doesNotContainKeys("givenName", "familyName",
        "dateOfBirth", "nhsNumber", "address", "description", "referrerName", "referrerContact");
  }
}

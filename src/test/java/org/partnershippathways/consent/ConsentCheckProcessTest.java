package org.partnershippathways.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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
import org.partnershippathways.security.Agency;
import org.partnershippathways.testsupport.LiquibaseProcessEngineConfiguration;
import org.springframework.jdbc.core.simple.JdbcClient;

@ExtendWith(ProcessEngineCoverageExtension.class)
@Deployment(resources = {"processes/consent-check.bpmn", "processes/lawful-basis.dmn"})
class ConsentCheckProcessTest {

  ProcessEngine processEngine;
  SharingDecisions decisions;
  SharingPermissions permissions;
  String caseId = UUID.randomUUID().toString();

  @BeforeEach
  void registerBeans() {
    BpmnAwareTests.init(processEngine);
    DataSource dataSource = ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
        .getDataSource();
    decisions = new SharingDecisions(JdbcClient.create(dataSource));
    permissions = new RecordedSharingPermissions(decisions);
    Mocks.register("recordConsent", new RecordConsentListener(decisions, LiquibaseProcessEngineConfiguration.testCalendar()));
    Mocks.register("decideSharingWithoutConsent", new DecideSharingWithoutConsentListener(decisions,
        LiquibaseProcessEngineConfiguration.testCalendar()));
  }

  @AfterEach
  void resetMocks() {
    Mocks.reset();
  }

  @Test
  void consentGivenPermitsSharingInTheAgreedScope() {
    ProcessInstance instance = start("AMBER", false, List.of("HOUSING"));
    assertThat(instance).isWaitingAt("Task_RecordConsent");
    assertThat(task()).hasCandidateGroup("coordinators");

    complete(instance, Map.of("consentStatus", "GIVEN", "consentGivenBy", "The person, in person",
        "consentScope", "IDENTITY_AND_CONCERN"));

    assertThat(instance).isEnded().hasPassed("EndEvent_SharingWithConsent")
        .variables().containsEntry("sharingPermitted", true).containsEntry("consentOutcome", "GIVEN")
        .containsEntry("sharingScope", "IDENTITY_AND_CONCERN");
    SharingPermission permission = permissions.forCase(caseId).orElseThrow();
    assertThat(permission.basis()).isEqualTo(SharingBasis.CONSENT);
    assertThat(permission.scope()).isEqualTo(SharingScope.IDENTITY_AND_CONCERN);
    assertThat(permission.legalGround()).contains("The person, in person");
    assertThat(permission.decidedBy()).isEqualTo("casey");
  }

  @Test
  void refusedWithALawfulBasisLetsTheCaldicottGuardianShareProportionately() {
    ProcessInstance instance = start("AMBER", false, List.of("DOMESTIC_ABUSE"));
    complete(instance, Map.of("consentStatus", "REFUSED", "consentNotGivenReason", "Does not want the police involved"));

    assertThat(instance).isWaitingAt("Task_DecideSharingWithoutConsent")
        .hasPassed("BusinessRuleTask_ProposeLawfulBasis");
    assertThat(task()).hasCandidateGroup("managers");
    assertThat(instance).variables().containsEntry("proposedScope", "IDENTITY_ONLY")
        .containsEntry("decidedScope", "IDENTITY_ONLY")
        .hasEntrySatisfying("proposedLegalGround", ground -> assertThat((String) ground).contains("para 10"));
    assertThat(permissions.forCase(caseId)).as("nothing shared while the guardian decides").isEmpty();

    complete(instance, Map.of("shareWithoutConsent", "true", "lawfulBasis", "UK GDPR Art 6(1)(e) + DPA 2018 Sch 1 para 10",
        "decidedScope", "IDENTITY_ONLY", "decisionRationale", "Repeat incidents; records check is proportionate"));

    assertThat(instance).isEnded().hasPassed("EndEvent_SharingOnLawfulBasis")
        .variables().containsEntry("sharingPermitted", true).containsEntry("consentOutcome", "REFUSED")
        .containsEntry("sharingScope", "IDENTITY_ONLY");
    SharingPermission permission = permissions.forCase(caseId).orElseThrow();
    assertThat(permission.basis()).isEqualTo(SharingBasis.LAWFUL_BASIS);
    assertThat(permission.legalGround()).contains("para 10");
    List<SharingDecision> history = decisions.history(caseId);
    assertThat(history).hasSize(2);
    assertThat(history.get(0).supersededAt()).isNull();
    assertThat(history.get(1).supersededAt()).as("the refusal record is superseded").isNotNull();
    assertThat(history.get(1).basis()).isEqualTo("NONE");
  }

  @Test
  void refusedWithoutALawfulBasisSharesNothing() {
    ProcessInstance instance = start("GREEN", false, List.of("HOUSING"));
    complete(instance, Map.of("consentStatus", "REFUSED", "consentNotGivenReason", "Does not want help"));
    assertThat(instance).variables().containsEntry("proposedLegalGround", "NONE")
        .containsEntry("lawfulBasis", null);

    complete(instance, Map.of("shareWithoutConsent", "false", "decisionRationale", "No risk that overrides the refusal"));

    assertThat(instance).isEnded().hasPassed("EndEvent_NothingShared")
        .variables().containsEntry("sharingPermitted", false).containsEntry("consentOutcome", "REFUSED");
    assertThat(permissions.forCase(caseId)).isEmpty();
    assertThat(decisions.inForce(caseId).orElseThrow().reason()).isEqualTo("No risk that overrides the refusal");
  }

  @Test
  void consentThatCannotBeSoughtForAChildIsSharedOnSafeguardingGrounds() {
    ProcessInstance instance = start("AMBER", true, List.of("ADVERSE_CHILDHOOD_EXPERIENCES"));
    complete(instance, Map.of("consentStatus", "NOT_POSSIBLE", "consentNotGivenReason", "Parents cannot be reached"));

    assertThat(instance).variables().containsEntry("proposedScope", "FULL")
        .hasEntrySatisfying("lawfulBasis", ground -> assertThat((String) ground).contains("para 18"));
    complete(instance, Map.of("shareWithoutConsent", true, "lawfulBasis", "UK GDPR Art 6(1)(e) + DPA 2018 Sch 1 para 18",
        "decidedScope", "FULL", "decisionRationale", "Child at risk"));

    assertThat(instance).isEnded().variables().containsEntry("sharingPermitted", true)
        .containsEntry("consentOutcome", "NOT_POSSIBLE").containsEntry("sharingScope", "FULL");
  }

  @Test
  void consentNotSoughtBecauseItWouldIncreaseTheRisk() {
    ProcessInstance instance = start("AMBER", false, List.of("EXPLOITATION"));
    complete(instance, Map.of("consentStatus", "WOULD_INCREASE_RISK", "consentNotGivenReason", "Exploiter controls the phone"));

    assertThat(instance).isWaitingAt("Task_DecideSharingWithoutConsent").variables()
        .containsEntry("proposedScope", "IDENTITY_AND_CONCERN")
        .hasEntrySatisfying("proposedLegalGround", ground -> assertThat((String) ground).contains("para 18"));
    complete(instance, Map.of("shareWithoutConsent", "true", "lawfulBasis", "DPA 2018 Sch 1 para 18",
        "decidedScope", "IDENTITY_AND_CONCERN", "decisionRationale", "Seeking consent would alert the exploiter"));

    assertThat(instance).isEnded().hasPassed("EndEvent_SharingOnLawfulBasis")
        .variables().containsEntry("consentOutcome", "WOULD_INCREASE_RISK");
    assertThat(decisions.inForce(caseId).orElseThrow().consentStatus()).isEqualTo(ConsentStatus.WOULD_INCREASE_RISK);
  }

  @Test
  void proposesFromTheContractVariablesAloneWhenRiskAndConcernsAreNotPassed() {
    ProcessInstance instance = processEngine.getRuntimeService().startProcessInstanceByKey("consent-check",
        Map.of("caseId", caseId, "caseReference", "PP-2026-000001", "consentObtained", false, "child", true));
    complete(instance, Map.of("consentStatus", "REFUSED", "consentNotGivenReason", "Parents refuse"));

    assertThat(instance).isWaitingAt("Task_DecideSharingWithoutConsent").variables()
        .containsEntry("proposedScope", "IDENTITY_AND_CONCERN")
        .hasEntrySatisfying("proposedLegalGround", ground -> assertThat((String) ground).contains("para 18"));
  }

  @Test
  void consentGivenWithoutWhoAndScopeIsRefusedWithAClearMessage() {
    ProcessInstance instance = start("AMBER", false, List.of("HOUSING"));
    Task task = taskOf(instance);

    assertThatThrownBy(() -> processEngine.getTaskService().complete(task.getId(),
        Map.of("consentStatus", "GIVEN")))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("say who gave consent")
        .hasMessageContaining("choose what the person agreed to share");
    assertThatThrownBy(() -> processEngine.getTaskService().complete(task.getId(), Map.of("consentStatus", "MAYBE")))
        .hasMessageContaining("choose the consent status");

    assertThat(instance).isWaitingAt("Task_RecordConsent");
    assertThat(decisions.history(caseId)).isEmpty();
  }

  @Test
  void sharingWithoutConsentNeedsALawfulBasisAndARationale() {
    ProcessInstance instance = start("GREEN", false, List.of("HOUSING"));
    complete(instance, Map.of("consentStatus", "REFUSED", "consentNotGivenReason", "No"));
    Task task = taskOf(instance);

    assertThatThrownBy(() -> processEngine.getTaskService().complete(task.getId(),
        Map.of("shareWithoutConsent", "true", "decidedScope", "FULL")))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("record the lawful basis")
        .hasMessageContaining("record the rationale");

    assertThat(instance).isWaitingAt("Task_DecideSharingWithoutConsent");
    assertThat(permissions.forCase(caseId)).isEmpty();
  }

  @Test
  void vitalInterestsAreRecordedForAnImmediateRiskUnlessAWiderDecisionIsInForce() {
    String refused = decisions.recordConsentNotGiven(caseId, ConsentStatus.REFUSED, "No", "casey", null);
    String vital = decisions.recordVitalInterests(caseId, "step-up");

    assertThat(vital).isNotEqualTo(refused);
    SharingPermission permission = permissions.forCase(caseId).orElseThrow();
    assertThat(permission.basis()).isEqualTo(SharingBasis.LAWFUL_BASIS);
    assertThat(permission.legalGround()).contains("vital interests");
    assertThat(permission.scope()).isEqualTo(SharingScope.IDENTITY_AND_CONCERN);

    String otherCase = UUID.randomUUID().toString();
    String consent = decisions.recordConsentGiven(otherCase, "The person", SharingScope.FULL,
        SharingCoverage.EVERYTHING, "casey", null);
    assertThat(decisions.recordVitalInterests(otherCase, "step-up")).isEqualTo(consent);
    assertThat(decisions.history(otherCase)).hasSize(1);
  }

  @Test
  void consentCoversOnlyItsAgenciesAndPurposesAndVitalInterestsStandBesideIt() {
    complete(start("AMBER", false, List.of("HOUSING")), Map.of("consentStatus", "GIVEN",
        "consentGivenBy", "The person", "consentScope", "FULL", "consentAgencies", List.of("health", "voluntary"),
        "consentPurposes", "INFORMATION_GATHERING,MEETINGS_AND_ACTIONS"));

    assertThat(permissions.forDisclosure(caseId, Agency.HEALTH, SharingPurpose.INFORMATION_GATHERING)).isPresent();
    assertThat(permissions.forDisclosure(caseId, Agency.POLICE, SharingPurpose.INFORMATION_GATHERING)).isEmpty();
    assertThat(permissions.forDisclosure(caseId, Agency.HEALTH, SharingPurpose.CASE_UPDATES)).isEmpty();

    decisions.recordVitalInterests(caseId, "step-up");
    assertThat(permissions.forDisclosure(caseId, Agency.POLICE, SharingPurpose.SAFEGUARDING).orElseThrow()
        .legalGround()).contains("vital interests");
    assertThat(permissions.forDisclosure(caseId, Agency.POLICE, SharingPurpose.INFORMATION_GATHERING)).isEmpty();
    assertThat(permissions.forDisclosure(caseId, Agency.HEALTH, SharingPurpose.INFORMATION_GATHERING).orElseThrow()
        .basis()).isEqualTo(SharingBasis.CONSENT);
  }

  @Test
  void anExpiredConsentStopsSharing() {
    try {
      ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-04T10:00:00Z")));
      complete(start("AMBER", false, List.of("HOUSING")), Map.of("consentStatus", "GIVEN",
          "consentGivenBy", "The person", "consentScope", "FULL", "consentValidUntil", "2026-12-31"));
      ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-01-01T00:00:00Z")));
      assertThat(permissions.forDisclosure(caseId, Agency.HEALTH, SharingPurpose.INFORMATION_GATHERING)).isEmpty();
      assertThat(permissions.forCase(caseId)).isEmpty();
      ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-31T23:59:00Z")));
      assertThat(permissions.forDisclosure(caseId, Agency.HEALTH, SharingPurpose.INFORMATION_GATHERING)).isPresent();
    } finally {
      ClockUtil.reset();
    }
  }

  private ProcessInstance start(String riskRating, boolean child, List<String> categories) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("caseId", caseId);
    variables.put("caseReference", "PP-2026-000001");
    variables.put("consentObtained", false);
    variables.put("child", child);
    variables.put("riskRating", riskRating);
    variables.put("concernCategories", categories);
    return processEngine.getRuntimeService().startProcessInstanceByKey("consent-check", variables);
  }

  private void complete(ProcessInstance instance, Map<String, Object> variables) {
    Task task = taskOf(instance);
    processEngine.getIdentityService().setAuthenticatedUserId("casey");
    try {
      processEngine.getTaskService().complete(task.getId(), variables);
    } finally {
      processEngine.getIdentityService().clearAuthentication();
    }
  }

  private Task taskOf(ProcessInstance instance) {
    return processEngine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
  }
}

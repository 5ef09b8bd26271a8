package org.partnershippathways.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.UUID;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.partnershippathways.security.Agency;
import org.partnershippathways.testsupport.LiquibaseProcessEngineConfiguration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/** Before a consent ends, the coordinators renew it or let sharing end. */
@ExtendWith(ProcessEngineCoverageExtension.class)
@Deployment(resources = "processes/consent-renewal.bpmn")
class ConsentRenewalProcessTest {

  static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

  ProcessEngine processEngine;
  SharingDecisions decisions;
  SharingPermissions permissions;
  ConsentRenewals renewals;
  final String caseId = UUID.randomUUID().toString();

  @BeforeEach
  void wire() {
    DataSource dataSource = ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
        .getDataSource();
    JdbcClient jdbc = JdbcClient.create(dataSource);
    decisions = new SharingDecisions(jdbc);
    permissions = new RecordedSharingPermissions(decisions);
    renewals = new ConsentRenewals(decisions, jdbc, processEngine.getRuntimeService(),
        TransactionOperations.withoutTransaction(), LiquibaseProcessEngineConfiguration.testCalendar(),
        Duration.ofDays(14));
    Mocks.register("renewOrCloseConsent", new RenewOrCloseConsentListener(decisions,
        LiquibaseProcessEngineConfiguration.testCalendar()));
    ClockUtil.setCurrentTime(Date.from(NOW));
  }

  @AfterEach
  void reset() {
    ClockUtil.reset();
    Mocks.reset();
  }

  private String consentEndingIn(Duration left) {
    return decisions.recordConsentGiven(caseId, "The person", SharingScope.FULL,
        new SharingCoverage(EnumSet.of(Agency.HEALTH), EnumSet.of(SharingPurpose.INFORMATION_GATHERING),
            NOW.plus(left)), "casey", null);
  }

  private ProcessInstance renewal() {
    return processInstanceQuery().processDefinitionKey("consent-renewal").variableValueEquals("caseId", caseId)
        .singleResult();
  }

  @Test
  void aConsentEndingWithinTwoWeeksIsRenewedByTheCoordinatorsOnce() {
    String ending = consentEndingIn(Duration.ofDays(10));
    consentEndingIn(Duration.ofDays(10));
    String other = UUID.randomUUID().toString();
    decisions.recordConsentGiven(other, "The person", SharingScope.FULL,
        SharingCoverage.EVERYTHING.until(NOW.plus(Duration.ofDays(30))), "casey", null);

    assertThat(renewals.askForRenewalsDueBy(NOW)).isEqualTo(1);
    assertThat(renewals.askForRenewalsDueBy(NOW)).as("asked once").isZero();

    ProcessInstance instance = renewal();
    assertThat(instance).isWaitingAt("Task_RenewOrCloseConsent");
    assertThat(task(instance)).hasCandidateGroup("coordinators").hasDueDate(Date.from(NOW.plus(Duration.ofDays(10))));
    assertThat(instance).variables().containsEntry("consentLastDay", "14/12/2026")
        .doesNotContainEntry("sharingDecisionId", ending);
    assertThatThrownBy(() -> complete(task(instance), withVariables("renewalDecision", "RENEW")))
        .hasMessageContaining("say who agreed and how");

    complete(task(instance), withVariables("renewalDecision", "RENEW", "renewalNote",
        "The person agreed again by phone", "renewedValidUntil", "2027-06-30"));

    assertThat(instance).isEnded().hasPassed("EndEvent_ConsentRenewed");
    SharingDecision renewed = decisions.inForce(caseId).orElseThrow();
    assertThat(renewed.coverage().validUntil()).isEqualTo(Instant.parse("2027-06-30T23:00:00Z"));
    assertThat(renewed.coverage().agencies()).containsExactly(Agency.HEALTH);
    assertThat(renewed.reason()).isEqualTo("Renewed: The person agreed again by phone");
    ClockUtil.setCurrentTime(Date.from(NOW.plus(Duration.ofDays(60))));
    assertThat(permissions.forDisclosure(caseId, Agency.HEALTH, SharingPurpose.INFORMATION_GATHERING)).isPresent();
  }

  @Test
  void closingLetsSharingEndAfterTheLastDay() {
    consentEndingIn(Duration.ofDays(3));
    renewals.askForRenewalsDueBy(NOW);
    ProcessInstance instance = renewal();

    complete(task(instance), withVariables("renewalDecision", "CLOSE", "renewalNote", "The person did not answer"));

    assertThat(instance).isEnded().hasPassed("EndEvent_SharingEnds");
    assertThat(permissions.forDisclosure(caseId, Agency.HEALTH, SharingPurpose.INFORMATION_GATHERING)).isPresent();
    ClockUtil.setCurrentTime(Date.from(NOW.plus(Duration.ofDays(3))));
    assertThat(permissions.forDisclosure(caseId, Agency.HEALTH, SharingPurpose.INFORMATION_GATHERING)).isEmpty();
  }

  @Test
  void aConsentReplacedMeanwhileCannotBeRenewed() {
    consentEndingIn(Duration.ofDays(3));
    renewals.askForRenewalsDueBy(NOW);
    decisions.recordNoSharing(caseId, ConsentStatus.REFUSED, "Withdrawn", "casey", null);

    assertThatThrownBy(() -> complete(task(renewal()), withVariables("renewalDecision", "RENEW",
        "renewalNote", "Asked again"))).hasMessageContaining("no longer in force");
    assertThatThrownBy(() -> complete(task(renewal()), withVariables("renewalDecision", "MAYBE",
        "renewalNote", "Asked again"))).hasMessageContaining("renew the consent or close it");
  }
}

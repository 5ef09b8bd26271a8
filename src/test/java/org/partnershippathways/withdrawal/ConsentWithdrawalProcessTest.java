package org.partnershippathways.withdrawal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.camunda.bpm.engine.task.Task;
import org.partnershippathways.consent.DecideSharingWithoutConsentListener;
import org.partnershippathways.consent.SharingDecisions;
import org.partnershippathways.partners.DisclosureRecipients;
import org.partnershippathways.security.Agency;
import org.partnershippathways.sharing.PendingRequests;
import org.partnershippathways.testsupport.LiquibaseProcessEngineConfiguration;
import org.partnershippathways.testsupport.TestPartnerships;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A withdrawal recorded in Tasklist takes effect at once and reaches every agency that received data. */
@ExtendWith(ProcessEngineCoverageExtension.class)
@Deployment(resources = "processes/consent-withdrawal.bpmn")
class ConsentWithdrawalProcessTest {

  ProcessEngine processEngine;
  JdbcClient jdbc;
  SharingDecisions decisions;
  WithdrawalTable records;
  final PendingRequests pending = mock(PendingRequests.class);
  final DisclosureRecipients recipients = mock(DisclosureRecipients.class);
  final List<String> told = new ArrayList<>();
  final List<String> rejecting = new ArrayList<>();
  final String caseId = UUID.randomUUID().toString();
  final String reference = "PP-2026-" + caseId.substring(0, 6);

  @BeforeEach
  void wire() {
    DataSource dataSource = ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
        .getDataSource();
    jdbc = JdbcClient.create(dataSource);
    decisions = new SharingDecisions(jdbc);
    records = new WithdrawalTable(jdbc);
    ConsentWithdrawals withdrawals = new ConsentWithdrawals(decisions, pending, recipients, records);
    Mocks.register("recordWithdrawal", new RecordWithdrawalDelegate(withdrawals, records));
    Mocks.register("tellAgencyOfWithdrawal", new TellAgencyOfWithdrawalListener(records));
    Mocks.register("resolveRejectedWithdrawalNotification",
        new ResolveRejectedWithdrawalNotificationListener(records));
    Mocks.register("decideSharingWithoutConsent", new DecideSharingWithoutConsentListener(decisions,
        LiquibaseProcessEngineConfiguration.testCalendar()));
    Mocks.register("partnerRequest", (JavaDelegate) execution -> {
      String agency = (String) execution.getVariable("agency");
      if (rejecting.contains(agency)) {
        throw new BpmnError("PARTNER_REJECTED", "400 unknown case reference");
      }
      told.add(agency + ":" + execution.getVariable("requestType"));
      execution.setVariableLocal("partnerReference", agency.toUpperCase() + "-ACK-1");
    });
    when(pending.endBecauseConsentWithdrawn(caseId)).thenReturn(1);
    when(recipients.of(caseId)).thenReturn(List.of(Agency.POLICE, Agency.HEALTH));
    jdbc.sql("insert into pathway_case (id, reference, status, person_given_name, person_family_name, "
            + "person_date_of_birth, person_child, referrer_name, referrer_agency, referrer_contact, created_at, "
            + "partnership_id) values (:id, :reference, 'OPEN', 'Alex', 'Tester', :dob, false, 'Sam', 'police', "
            + "'sam@example.org', :now, :partnership)")
        .param("partnership", TestPartnerships.FIRST)
        .param("id", caseId).param("reference", reference).param("dob", LocalDate.of(1990, 5, 17))
        .param("now", Timestamp.from(Instant.now())).update();
  }

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  private void consentGiven() {
    jdbc.sql("insert into sharing_decision (id, case_id, basis, consent_status, consent_given_by, scope, decided_by,"
            + " decided_at) values (:id, :caseId, 'CONSENT', 'GIVEN', 'The person', 'FULL', 'casey', :now)")
        .param("id", UUID.randomUUID().toString()).param("caseId", caseId)
        .param("now", Timestamp.from(Instant.now())).update();
  }

  private ProcessInstance withdrawInTasklist(Map<String, Object> form) {
    processEngine.getIdentityService().setAuthenticatedUserId("casey");
    try {
      return processEngine.getFormService().submitStartForm(processEngine.getRepositoryService()
          .createProcessDefinitionQuery().processDefinitionKey("consent-withdrawal").singleResult().getId(), form);
    } finally {
      processEngine.getIdentityService().clearAuthentication();
    }
  }

  @Test
  void aWithdrawalStopsSharingAtOnceAndEveryRecipientAcknowledgesIt() {
    consentGiven();

    ProcessInstance instance = withdrawInTasklist(Map.of("caseReference", reference,
        "withdrawnBy", "The person, by phone to the hub", "withdrawalNotes", "Does not want the GP told more"));

    assertThat(decisions.consentInForce(caseId)).as("at once, before any agency is told").isFalse();
    assertThat(jdbc.sql("select consent_status, reason from sharing_decision where case_id = :id and superseded_at"
        + " is null").param("id", caseId).query().singleRow()).containsEntry("CONSENT_STATUS", "WITHDRAWN")
        .containsEntry("REASON", "Consent withdrawn by The person, by phone to the hub");
    WithdrawalTable.Withdrawal withdrawal = records.ofCase(caseId).get(0);
    assertThat(withdrawal.requestsEnded()).isEqualTo(1);
    assertThat(withdrawal.recordedBy()).isEqualTo("casey");
    assertThat(withdrawal.notices()).extracting(WithdrawalTable.Notice::agency, WithdrawalTable.Notice::status)
        .containsExactly(tuple("health", "TO_TELL"), tuple("police", "TO_TELL"));
    assertThat(instance).isWaitingAt("ServiceTask_TellAgencyOfWithdrawal");

    jobQuery().processInstanceId(instance.getId()).list().forEach(job -> execute(job));

    assertThat(told).containsExactlyInAnyOrder("police:CONSENT_WITHDRAWAL", "health:CONSENT_WITHDRAWAL");
    assertThat(instance).hasPassed("EndEvent_AgencyAcknowledged")
        .isWaitingAt("Task_DecideSharingWithoutConsentAfterWithdrawal");
    assertThat(task(instance)).hasCandidateGroup("managers");
    complete(task(instance), withVariables("shareWithoutConsent", "false",
        "decisionRationale", "No risk that overrides the withdrawal"));
    assertThat(instance).isEnded().hasPassed("EndEvent_EveryAgencyTold");
    assertThat(jdbc.sql("select basis from sharing_decision where case_id = :id and superseded_at is null")
        .param("id", caseId).query(String.class).single()).as("the withdrawal stands").isEqualTo("NONE");
    assertThat(records.ofCase(caseId).get(0).notices())
        .extracting(WithdrawalTable.Notice::agency, WithdrawalTable.Notice::status,
            WithdrawalTable.Notice::partnerReference)
        .containsExactly(tuple("health", "ACKNOWLEDGED", "HEALTH-ACK-1"), tuple("police", "ACKNOWLEDGED",
            "POLICE-ACK-1"));
  }

  @Test
  void anAgencyWhoseSystemRefusesTheNoticeIsToldAnotherWayByACoordinator() {
    consentGiven();
    rejecting.add("police");
    ProcessInstance instance = withdrawInTasklist(Map.of("caseReference", reference, "withdrawnBy", "The person"));
    jobQuery().processInstanceId(instance.getId()).list().forEach(job -> execute(job));

    assertThat(instance).isWaitingAt("Task_ResolveRejectedWithdrawalNotification",
        "Task_DecideSharingWithoutConsentAfterWithdrawal");
    Task resolve = task("Task_ResolveRejectedWithdrawalNotification", instance);
    assertThat(resolve).hasCandidateGroup("coordinators");
    assertThatThrownBy(() -> complete(resolve)).hasMessageContaining("say how you told the agency");
    complete(resolve, withVariables("notificationResolution", "Phoned the police control room"));
    // a child at risk: the guardian records a lawful basis, a fresh decision, for police only
    complete(task("Task_DecideSharingWithoutConsentAfterWithdrawal", instance), withVariables(
        "shareWithoutConsent", "true", "lawfulBasis", "UK GDPR Art 6(1)(e); DPA 2018 Sch 1 para 18",
        "decidedScope", "IDENTITY_AND_CONCERN", "sharingAgencies", "police", "sharingPurposes", "SAFEGUARDING",
        "decisionRationale", "Risk of significant harm to the child"));

    assertThat(instance).isEnded().hasPassed("EndEvent_AgencyToldAnotherWay", "EndEvent_EveryAgencyTold");
    assertThat(decisions.consentInForce(caseId)).isFalse();
    assertThat(jdbc.sql("select basis, consent_status, agencies from sharing_decision where case_id = :id and"
        + " superseded_at is null").param("id", caseId).query().singleRow()).containsEntry("BASIS", "LAWFUL_BASIS")
        .containsEntry("CONSENT_STATUS", "WITHDRAWN").containsEntry("AGENCIES", "police");
    assertThat(records.ofCase(caseId).get(0).notices())
        .extracting(WithdrawalTable.Notice::agency, WithdrawalTable.Notice::status, WithdrawalTable.Notice::note)
        .containsExactly(tuple("health", "ACKNOWLEDGED", null),
            tuple("police", "TOLD_ANOTHER_WAY", "Phoned the police control room"));
  }

  @Test
  void aWithdrawalNeedsACaseWithConsentInForceAndWhoWithdrewIt() {
    assertThatThrownBy(() -> withdrawInTasklist(Map.of("caseReference", reference, "withdrawnBy", "The person")))
        .hasMessageContaining("No consent is in force for this case");
    consentGiven();
    assertThatThrownBy(() -> withdrawInTasklist(Map.of("caseReference", "PP-0000-000000", "withdrawnBy", "X")))
        .hasMessageContaining("case reference is not the reference of a case");
    assertThatThrownBy(() -> withdrawInTasklist(Map.of("caseReference", reference, "withdrawnBy", " ")))
        .hasMessageContaining("who withdrew consent");
    assertThat(decisions.consentInForce(caseId)).isTrue();
    assertThat(records.ofCase(caseId)).isEmpty();
  }
}

package org.partnershippathways.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.partnershippathways.consent.DecideSharingWithoutConsentListener;
import org.partnershippathways.consent.RecordConsentListener;
import org.partnershippathways.consent.SharingDecisions;
import org.partnershippathways.testsupport.LiquibaseProcessEngineConfiguration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * consent-check and information-sharing called the way the main process calls them (docs/architecture.md): the
 * in and out variables fit, and when consent is refused without a lawful basis no partner is ever called.
 */
@ExtendWith(ProcessEngineCoverageExtension.class)
@Deployment(resources = {"processes/consent-check.bpmn", "processes/lawful-basis.dmn",
    "processes/information-sharing.bpmn", "processes/partner-routing.dmn"})
class ConsentThenSharingContractTest {

  ProcessEngine processEngine;
  JavaDelegate partnerRequest = mock(JavaDelegate.class);
  SharingTable records;
  String deploymentId;
  String caseId = UUID.randomUUID().toString();

  @BeforeEach
  void deployACallerAndRegisterBeans() {
    BpmnAwareTests.init(processEngine);
    DataSource dataSource = ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
        .getDataSource();
    SharingDecisions decisions = new SharingDecisions(JdbcClient.create(dataSource));
    records = new SharingTable(JdbcClient.create(dataSource));
    Mocks.register("recordConsent", new RecordConsentListener(decisions, LiquibaseProcessEngineConfiguration.testCalendar()));
    Mocks.register("decideSharingWithoutConsent", new DecideSharingWithoutConsentListener(decisions,
        LiquibaseProcessEngineConfiguration.testCalendar()));
    SharingDelegates.register(new InformationRequests(records));
    Mocks.register("partnerRequest", partnerRequest);
    deploymentId = processEngine.getRepositoryService().createDeployment()
        .addModelInstance("caller.bpmn", caller()).deploy().getId();
  }

  @AfterEach
  void cleanUp() {
    processEngine.getRepositoryService().deleteDeployment(deploymentId, true);
    Mocks.reset();
  }

  @Test
  void consentRefusedWithoutALawfulBasisNeverReachesAPartner() throws Exception {
    ProcessInstance caller = start();
    ProcessInstance consentCheck = calledInstance(caller, "consent-check");
    complete(consentCheck, Map.of("consentStatus", "REFUSED", "consentNotGivenReason", "Does not want help"));
    complete(consentCheck, Map.of("shareWithoutConsent", "false", "decisionRationale", "No overriding risk"));

    assertThat(caller).isEnded().hasPassed("EndEvent_NothingShared")
        .variables().containsEntry("sharingPermitted", false).containsEntry("consentOutcome", "REFUSED");
    assertThat(processEngine.getManagementService().createJobQuery().count()).isZero();
    verify(partnerRequest, never()).execute(any());
  }

  @Test
  void consentGivenAsksThePartnersAndReturnsTheAgenciesAsked() throws Exception {
    ProcessInstance caller = start();
    complete(calledInstance(caller, "consent-check"), Map.of("consentStatus", "GIVEN",
        "consentGivenBy", "The person", "consentScope", "FULL"));

    assertThat(caller).variables().containsEntry("sharingPermitted", true).containsEntry("sharingScope", "FULL");
    List<Job> sends = processEngine.getManagementService().createJobQuery().list();
    assertThat(sends).hasSize(2);
    sends.forEach(job -> processEngine.getManagementService().executeJob(job.getId()));
    verify(partnerRequest, times(2)).execute(any());

    PartnerResponseCorrelation correlation = new PartnerResponseCorrelation(processEngine.getRuntimeService());
    for (String agency : List.of("police", "voluntary")) {
      records.saveResponse(caseId, agency, records.waitingRequest(caseId, agency).orElseThrow().id(), "Known",
          true, "Duty officer", "R-" + agency, agency + "-system");
      assertThat(correlation.correlate(caseId, agency)).isEqualTo(1);
    }
    processEngine.getManagementService().createJobQuery().list()
        .forEach(job -> processEngine.getManagementService().executeJob(job.getId()));

    assertThat(caller).isEnded().hasPassed("EndEvent_InformationGathered")
        .variables().containsEntry("agenciesToAsk", List.of("police", "voluntary"))
        .hasEntrySatisfying("partnerResponsesSummary", summary -> assertThat((String) summary)
            .contains("Police: holds information").contains("Voluntary sector: holds information"));
  }

  /** The call activities as the main process has them, with its in and out variables. */
  private static BpmnModelInstance caller() {
    return Bpmn.createExecutableProcess("contract-caller").camundaHistoryTimeToLive(1)
        .startEvent("StartEvent_Caller")
        .callActivity("CallActivity_ConsentCheck").calledElement("consent-check")
        .camundaIn("caseId", "caseId").camundaIn("caseReference", "caseReference")
        .camundaIn("consentObtained", "consentObtained").camundaIn("child", "child")
        .camundaOut("sharingPermitted", "sharingPermitted").camundaOut("sharingScope", "sharingScope")
        .camundaOut("consentOutcome", "consentOutcome")
        .exclusiveGateway("Gateway_SharingPermitted")
        .condition("yes", "${sharingPermitted}")
        .callActivity("CallActivity_InformationSharing").calledElement("information-sharing")
        .camundaIn("caseId", "caseId").camundaIn("caseReference", "caseReference")
        .camundaIn("riskRating", "riskRating").camundaIn("child", "child")
        .camundaIn("concernCategories", "concernCategories")
        .camundaOut("agenciesToAsk", "agenciesToAsk").camundaOut("partnerResponsesSummary", "partnerResponsesSummary")
        .endEvent("EndEvent_InformationGathered")
        .moveToLastGateway()
        .condition("no", "${not sharingPermitted}")
        .endEvent("EndEvent_NothingShared")
        .done();
  }

  private ProcessInstance start() {
    return processEngine.getRuntimeService().startProcessInstanceByKey("contract-caller", Variables.createVariables()
        .putValue("caseId", caseId)
        .putValue("caseReference", "PP-2026-000003")
        .putValue("consentObtained", true)
        .putValue("child", false)
        .putValue("riskRating", "AMBER")
        .putValueTyped("concernCategories", Variables.objectValue(new java.util.ArrayList<>(List.of("HOUSING")))
            .serializationDataFormat(Variables.SerializationDataFormats.JSON).create()));
  }

  private ProcessInstance calledInstance(ProcessInstance caller, String key) {
    return processEngine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(caller.getId())
        .processDefinitionKey(key).singleResult();
  }

  private void complete(ProcessInstance instance, Map<String, Object> variables) {
    processEngine.getTaskService().complete(processEngine.getTaskService().createTaskQuery()
        .processInstanceId(instance.getId()).singleResult().getId(), variables);
  }
}

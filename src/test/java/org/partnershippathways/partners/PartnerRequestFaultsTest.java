package org.partnershippathways.partners;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.partnershippathways.consent.SharingBasis;
import org.partnershippathways.consent.SharingScope;
import org.partnershippathways.partners.police.PoliceAdapter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;

/**
 * The partner request as a pathway makes it, against a real HTTP server playing the police system: retries with
 * the job's retry count, an incident when they run out, resumption when the partner is back, one request at the
 * partner per idempotency key, rejections as BPMN errors. Jobs are driven by hand; nothing waits for time.
 */
@Deployment(resources = "test-models/partner-request-test.bpmn")
class PartnerRequestFaultsTest {

  private static final String PATH = "/police/records-checks";
  /** A port in this project's range with nothing listening. */
  private static final int NOTHING_LISTENS = 28089;

  @RegisterExtension
  static ProcessEngineCoverageExtension engineExtension = ProcessEngineCoverageExtension.builder().build();

  ProcessEngine engine;
  WireMockServer police;
  TestCaseData data = new TestCaseData();
  JdbcClient jdbc;
  AtomicInteger afterSendFailures = new AtomicInteger();

  @BeforeEach
  void setUp() {
    engine = engineExtension.getProcessEngine();
    police = new WireMockServer(options().dynamicPort());
    police.start();
    useGateway(police.baseUrl() + "/police", Duration.ofSeconds(10));
  }

  @AfterEach
  void tearDown() {
    police.stop();
    Mocks.reset();
    engine.getIdentityService().clearAuthentication();
  }

  private void useGateway(String baseUrl, Duration readTimeout) {
    DataSource dataSource = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDataSource();
    jdbc = JdbcClient.create(dataSource);
    TransactionTemplate ownTransaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    PartnersProperties.Endpoint endpoint = new PartnersProperties.Endpoint(baseUrl,
        new PartnersProperties.Auth(PartnersProperties.AuthType.API_KEY, null, "test-key", null, null, null, null),
        Duration.ofSeconds(2), readTimeout);
    PartnerGateway gateway = new AuditedPartnerGateway(data, data,
        List.of(new PoliceAdapter(endpoint, RestClient.builder(), Clock.systemUTC())),
        new PartnerRequestTable(jdbc), new DisclosureAuditTable(jdbc), ownTransaction, Clock.systemUTC());
    Mocks.register("partnerRequest", new PartnerRequestDelegate(gateway,
        org.mockito.Mockito.mock(org.partnershippathways.notifications.Notifications.class)));
    Mocks.register("afterSend", new AfterSend());
  }

  /** The step after the request, in the same transaction: fails as often as the test asks, then passes. */
  public class AfterSend {
    public void run(DelegateExecution execution) {
      if (afterSendFailures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        throw new IllegalStateException("database hiccup after the partner accepted");
      }
    }
  }

  private ProcessInstance startCase(String caseId) {
    return engine.getRuntimeService().startProcessInstanceByKey("partner-request-test", Map.of("caseId", caseId));
  }

  private String permittedCase() {
    String caseId = data.newCase();
    data.permit(caseId, SharingBasis.CONSENT, SharingScope.IDENTITY_AND_CONCERN);
    return caseId;
  }

  private Job job(ProcessInstance instance) {
    return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).singleResult();
  }

  /** Executes the job as the job executor would, and tells whether it failed. */
  private boolean executeJob(ProcessInstance instance) {
    try {
      engine.getManagementService().executeJob(job(instance).getId());
      return true;
    } catch (RuntimeException failed) {
      org.slf4j.LoggerFactory.getLogger(getClass()).info("Job failed: {}", failed.toString());
      return false;
    }
  }

  private void partnerAnswers(int status) {
    police.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(status)
        .withHeader("Content-Type", "application/json").withBody("{\"reference\":\"POL-1\"}")));
  }

  private String requestStatus(String caseId) {
    return jdbc.sql("select status from partner_request where case_id = ?").param(caseId).query(String.class)
        .single();
  }

  private long audits(String caseId) {
    return jdbc.sql("select count(*) from disclosure_audit where case_id = ?").param(caseId).query(Long.class)
        .single();
  }

  @Test
  void anAcceptedRequestContinuesTheCaseWithThePartnersReference() {
    partnerAnswers(201);
    String caseId = permittedCase();
    ProcessInstance instance = startCase(caseId);
    engine.getIdentityService().setAuthenticatedUserId("coordinator");

    assertThat(executeJob(instance)).isTrue();

    assertThat(instance).isWaitingAt("Task_UseAnswer").variables().containsEntry("policeReference", "POL-1");
    police.verify(1, postRequestedFor(urlEqualTo(PATH))
        .withHeader("Idempotency-Key", matching(java.util.regex.Pattern.quote(caseId) + ":Task_AskPolice@[^:]+:police"))
        .withHeader("X-API-Key", equalTo("test-key"))
        .withRequestBody(matchingJsonPath("$.person.familyName", equalTo("Example")))
        .withRequestBody(matchingJsonPath("$.basis.basis", equalTo("CONSENT")))
        .withoutHeader("Authorization"));
    // the police never receive the NHS number, and this scope leaves out the description
    assertThat(police.getAllServeEvents().get(0).getRequest().getBodyAsString())
        .doesNotContain("9434765919").doesNotContain("Often alone");
    assertThat(requestStatus(caseId)).isEqualTo("ACCEPTED");
    Map<String, Object> audit = jdbc.sql("select * from disclosure_audit where case_id = ?").param(caseId)
        .query().singleRow();
    assertThat(audit).containsEntry("DISCLOSED_BY", "coordinator").containsEntry("AGENCY", "police")
        .containsEntry("BASIS", "CONSENT").containsEntry("SHARING_SCOPE", "IDENTITY_AND_CONCERN")
        .containsEntry("PURPOSE", "Early-intervention information gathering");
    assertThat((String) audit.get("FIELDS_DISCLOSED")).contains("FAMILY_NAME", "RISK_RATING")
        .doesNotContain("NHS_NUMBER");
  }

  @Test
  void aServerErrorIsRetriedAndTheCaseResumesWhenThePartnerIsBack() {
    partnerAnswers(500);
    String caseId = permittedCase();
    ProcessInstance instance = startCase(caseId);
    int retries = job(instance).getRetries();

    assertThat(executeJob(instance)).isFalse();

    assertThat(job(instance).getRetries()).isEqualTo(retries - 1);
    assertThat(job(instance).getExceptionMessage()).contains("500");
    assertThat(requestStatus(caseId)).isEqualTo("FAILED");

    partnerAnswers(201);
    assertThat(executeJob(instance)).isTrue();
    assertThat(instance).isWaitingAt("Task_UseAnswer");
    police.verify(2, postRequestedFor(urlEqualTo(PATH))
        .withHeader("Idempotency-Key", matching(java.util.regex.Pattern.quote(caseId) + ":Task_AskPolice@[^:]+:police")));
    assertThat(audits(caseId)).as("every transmission is audited").isEqualTo(2);
  }

  @Test
  void aSlowAnswerTimesOutAndIsRetriedWithTheSameKey() {
    useGateway(police.baseUrl() + "/police", Duration.ofMillis(300));
    police.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(201).withFixedDelay(3000)
        .withHeader("Content-Type", "application/json").withBody("{\"reference\":\"POL-SLOW\"}")));
    String caseId = permittedCase();
    ProcessInstance instance = startCase(caseId);
    int retries = job(instance).getRetries();

    assertThat(executeJob(instance)).isFalse();

    assertThat(job(instance).getRetries()).isEqualTo(retries - 1);
    assertThat(requestStatus(caseId)).isEqualTo("FAILED");
    assertThat(instance).isNotEnded();
  }

  @Test
  void aRefusedConnectionIsRetried() {
    useGateway("http://127.0.0.1:" + NOTHING_LISTENS + "/police", Duration.ofSeconds(1));
    String caseId = permittedCase();
    ProcessInstance instance = startCase(caseId);
    int retries = job(instance).getRetries();

    assertThat(executeJob(instance)).isFalse();

    assertThat(job(instance).getRetries()).isEqualTo(retries - 1);
    assertThat(job(instance).getExceptionMessage()).contains("could not be reached");
  }

  @Test
  void exhaustedRetriesRaiseAnIncidentAndTheCaseResumesAfterRetriesAreSetAgain() {
    partnerAnswers(503);
    String caseId = permittedCase();
    ProcessInstance instance = startCase(caseId);
    int retries = job(instance).getRetries();

    for (int attempt = 0; attempt < retries; attempt++) {
      assertThat(executeJob(instance)).isFalse();
    }

    assertThat(job(instance).getRetries()).isZero();
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(instance.getId()).count())
        .isEqualTo(1);
    assertThat(instance).as("no case is lost").isNotEnded().isWaitingAt("Task_AskPolice");

    partnerAnswers(201);
    engine.getManagementService().setJobRetries(job(instance).getId(), 1);
    assertThat(executeJob(instance)).isTrue();

    assertThat(instance).isWaitingAt("Task_UseAnswer");
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(instance.getId()).count())
        .isZero();
    police.verify(retries + 1, postRequestedFor(urlEqualTo(PATH))
        .withHeader("Idempotency-Key", matching(java.util.regex.Pattern.quote(caseId) + ":Task_AskPolice@[^:]+:police")));
  }

  @Test
  void aRetryAfterThePartnerAcceptedDoesNotSendASecondRequest() {
    partnerAnswers(201);
    afterSendFailures.set(1);
    String caseId = permittedCase();
    ProcessInstance instance = startCase(caseId);

    assertThat(executeJob(instance)).as("the engine's transaction fails after the partner accepted").isFalse();
    assertThat(requestStatus(caseId)).isEqualTo("ACCEPTED");
    assertThat(executeJob(instance)).isTrue();

    assertThat(instance).isWaitingAt("Task_UseAnswer").variables().containsEntry("policeReference", "POL-1");
    police.verify(1, postRequestedFor(urlEqualTo(PATH)));
    assertThat(audits(caseId)).isEqualTo(1);
  }

  @Test
  void aRefusalBecomesTheRejectionErrorForTheCoordinator() {
    police.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(400)
        .withBody("{\"error\":\"date of birth missing\"}")));
    String caseId = permittedCase();
    ProcessInstance instance = startCase(caseId);

    assertThat(executeJob(instance)).isTrue();

    assertThat(instance).isWaitingAt("Task_CorrectRequest").variables()
        .hasEntrySatisfying("rejectionReason", reason -> assertThat((String) reason).contains("400"));
    assertThat(requestStatus(caseId)).isEqualTo("REJECTED");
    police.verify(1, postRequestedFor(urlEqualTo(PATH)));
  }

  @Test
  void withoutConsentOrLawfulBasisNothingLeavesAndNothingIsAudited() {
    partnerAnswers(201);
    String caseId = data.newCase();
    ProcessInstance instance = startCase(caseId);

    assertThat(executeJob(instance)).isTrue();

    assertThat(instance).isWaitingAt("Task_CorrectRequest");
    police.verify(0, postRequestedFor(urlEqualTo(PATH)));
    assertThat(audits(caseId)).isZero();
  }

  @Test
  void aRejectionThatNoBoundaryEventCatchesFailsTheJobAsTheApplicationIsConfigured() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    String deploymentId = engine.getRepositoryService().createDeployment().addModelInstance("uncaught.bpmn",
        Bpmn.createExecutableProcess("partner-request-uncaught").camundaHistoryTimeToLive(1).startEvent()
            .serviceTask("Task_AskPolice").camundaAsyncBefore().camundaDelegateExpression("${partnerRequest}")
            .camundaInputParameter("agency", "police").camundaInputParameter("requestType", "INFORMATION_REQUEST")
            .endEvent().done()).deploy().getId();
    configuration.setEnableExceptionsAfterUnhandledBpmnError(true); // as application.yaml sets it
    try {
      police.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(400)));
      ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("partner-request-uncaught",
          Map.of("caseId", permittedCase()));
      int retries = job(instance).getRetries();

      assertThat(executeJob(instance)).isFalse();

      assertThat(instance).as("the case is not lost").isNotEnded();
      assertThat(job(instance).getRetries()).isEqualTo(retries - 1);
      assertThat(job(instance).getExceptionMessage()).contains("PARTNER_REJECTED");
    } finally {
      configuration.setEnableExceptionsAfterUnhandledBpmnError(false);
      engine.getRepositoryService().deleteDeployment(deploymentId, true);
    }
  }

  @Test
  void aFlakyPartnerGetsTheSameKeyEveryTime() {
    police.stubFor(post(urlEqualTo(PATH)).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(502)).willSetStateTo("second"));
    police.stubFor(post(urlEqualTo(PATH)).inScenario("flaky").whenScenarioStateIs("second")
        .willReturn(aResponse().withStatus(504)).willSetStateTo("up"));
    police.stubFor(post(urlEqualTo(PATH)).inScenario("flaky").whenScenarioStateIs("up")
        .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
            .withBody("{\"reference\":\"POL-3\"}")));
    String caseId = permittedCase();
    ProcessInstance instance = startCase(caseId);

    assertThat(executeJob(instance)).isFalse();
    assertThat(executeJob(instance)).isFalse();
    assertThat(executeJob(instance)).isTrue();

    assertThat(instance).isWaitingAt("Task_UseAnswer").variables().containsEntry("policeReference", "POL-3");
    police.verify(3, postRequestedFor(urlEqualTo(PATH))
        .withHeader("Idempotency-Key", matching(java.util.regex.Pattern.quote(caseId) + ":Task_AskPolice@[^:]+:police")));
    assertThat(jdbc.sql("select attempts from partner_request where case_id = ?").param(caseId)
        .query(Integer.class).list()).as("one request row, three attempts").containsExactly(3);
  }
}

package org.partnershippathways.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnershippathways.consent.SharingBasis;
import org.partnershippathways.consent.SharingScope;
import org.partnershippathways.partners.health.HealthFhirAdapter;
import org.partnershippathways.partners.police.PoliceAdapter;
import org.partnershippathways.partners.socialcare.SocialCareAdapter;
import org.partnershippathways.partners.voluntary.VoluntaryAdapter;
import org.partnershippathways.sandbox.ReceivedRequests;
import org.partnershippathways.security.Agency;
import org.partnershippathways.security.PathwayGroups;
import org.partnershippathways.testsupport.PathwaysIntegrationTest;
import org.partnershippathways.testsupport.SandboxForTests;
import org.partnershippathways.testsupport.SchemaOwner;
import org.partnershippathways.testsupport.TestDatabase;
import org.partnershippathways.testsupport.TestPartnerships;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;

/**
 * The application's gateway and adapters against the partner sandbox started on a random port; the disclosure
 * audit as managers read it.
 */
@PathwaysIntegrationTest
class PartnerSandboxIT {

  static final ConfigurableApplicationContext SANDBOX = SandboxForTests.start();

  @AfterAll
  static void stopSandbox() {
    SANDBOX.close();
  }

  final TestCaseData data = new TestCaseData();
  @Autowired PartnerRequestTable partnerRequests;
  @Autowired DisclosureAuditTable disclosureAudit;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired ProcessEngine engine;
  @Autowired org.springframework.core.env.Environment environment;
  PartnerGateway gateway;

  /**
   * The application's request and audit tables and transactions, with test case data and adapters pointing at the
   * sandbox, built here rather than as beans so that this test shares the application context of the other ITs.
   */
  @BeforeEach
  void gatewayToTheSandbox() {
    String base = "http://localhost:" + SANDBOX.getEnvironment().getProperty("local.server.port");
    TransactionTemplate ownTransaction = new TransactionTemplate(transactionManager);
    ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    Clock clock = Clock.systemUTC();
    gateway = new AuditedPartnerGateway(data, data, List.of(
        new PoliceAdapter(endpoint(base + "/police"), RestClient.builder(), clock),
        new HealthFhirAdapter(endpoint(base + "/fhir"), FhirContext.forR4Cached(), RestClient.builder(), clock),
        new SocialCareAdapter(endpoint(base + "/social-care"), RestClient.builder(), clock),
        new VoluntaryAdapter(endpoint(base + "/voluntary"), RestClient.builder(), clock)),
        partnerRequests, disclosureAudit, ownTransaction, clock);
  }

  private static PartnersProperties.Endpoint endpoint(String url) {
    return new PartnersProperties.Endpoint(url, null, Duration.ofSeconds(5), Duration.ofSeconds(30));
  }
  @Autowired IdentityService identityService;
  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;

  private static final String PASSWORD = "disclosure-test-" + UUID.randomUUID();

  private String user(String group) {
    String id = group + "." + UUID.randomUUID().toString().substring(0, 8);
    User user = identityService.newUser(id);
    user.setPassword(PASSWORD);
    identityService.saveUser(user);
    identityService.createTenantUserMembership(TestPartnerships.FIRST, id);
    identityService.createMembership(id, group);
    return id;
  }

  private List<ReceivedRequests.Received> receivedFor(String caseId) {
    return SANDBOX.getBean(ReceivedRequests.class).all().stream()
        .filter(received -> caseId.equals(received.caseId())).toList();
  }

  /** The case's row, which says whose disclosures these are (the partner side here needs only the summary). */
  private void heldInTheFirstPartnership(String caseId) {
    jdbc.update("insert into pathway_case (id, reference, status, person_given_name, person_family_name,"
        + " person_date_of_birth, person_child, referrer_name, referrer_agency, referrer_contact, created_at,"
        + " partnership_id) values (?, ?, 'OPEN', 'Alex', 'Example', ?, true, 'Rita Referrer', 'school',"
        + " '01130000000', current_timestamp, ?)", caseId, data.summaryOf(caseId).reference(),
        java.sql.Date.valueOf("2012-03-04"), TestPartnerships.FIRST);
  }

  private String permittedCase() {
    String caseId = data.newCase();
    data.permit(caseId, SharingBasis.LAWFUL_BASIS, SharingScope.FULL);
    return caseId;
  }

  @Test
  void everyAgencyReceivesItsRequestOnceHoweverOftenItIsSent() {
    String caseId = permittedCase();
    List<PartnerRequest> requests = List.of(
        new PartnerRequest(caseId, "Task_AskPartner#0", Agency.POLICE, PartnerRequestType.INFORMATION_REQUEST,
            "information gathering", "coordinator"),
        new PartnerRequest(caseId, "Task_AskPartner#1", Agency.HEALTH, PartnerRequestType.INFORMATION_REQUEST,
            "information gathering", "coordinator"),
        new PartnerRequest(caseId, "Task_StatutoryReferral", Agency.SOCIAL_CARE,
            PartnerRequestType.SAFEGUARDING_REFERRAL, "statutory referral", "coordinator"),
        new PartnerRequest(caseId, "Task_ReferToService", Agency.VOLUNTARY, PartnerRequestType.SERVICE_REFERRAL,
            "mentoring service", "coordinator"));

    List<String> references = requests.stream().map(request -> gateway.send(request).partnerReference()).toList();
    List<String> again = requests.stream().map(request -> gateway.send(request).partnerReference()).toList();

    assertThat(again).isEqualTo(references);
    assertThat(receivedFor(caseId)).hasSize(4)
        .extracting(ReceivedRequests.Received::agency)
        .containsExactlyInAnyOrder("police", "health", "social-care", "voluntary");
    assertThat(receivedFor(caseId)).allSatisfy(received -> assertThat(received.timesReceived()).isEqualTo(1));
    assertThat(jdbc.queryForObject("select count(*) from disclosure_audit where case_id = ?", Long.class, caseId))
        .isEqualTo(4);
  }

  @Test
  @SuppressWarnings("unchecked")
  void managersReadTheDisclosuresOthersMayNot() {
    String caseId = permittedCase();
    heldInTheFirstPartnership(caseId);
    gateway.send(new PartnerRequest(caseId, "Task_AskPartner#0", Agency.POLICE,
        PartnerRequestType.INFORMATION_REQUEST, "information gathering", "coordinator"));
    String manager = user(PathwayGroups.MANAGERS);
    String coordinator = user(PathwayGroups.COORDINATORS);
    String policeManager = user(Agency.POLICE.managersGroupId());

    ResponseEntity<List<Map<String, Object>>> forCase = http.withBasicAuth(manager, PASSWORD)
        .exchange("/api/cases/{caseId}/disclosures", HttpMethod.GET, null, new ParameterizedTypeReference<>() {
        }, caseId);
    assertThat(forCase.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(forCase.getBody()).singleElement().satisfies(disclosure -> {
      assertThat(disclosure).containsEntry("agency", "police").containsEntry("basis", "LAWFUL_BASIS")
          .containsEntry("disclosedBy", "coordinator").containsEntry("requestStatus", "ACCEPTED");
      assertThat((List<Object>) disclosure.get("fieldsDisclosed")).contains("FAMILY_NAME")
          .doesNotContain("NHS_NUMBER");
    });
    ResponseEntity<List<Map<String, Object>>> police = http.withBasicAuth(manager, PASSWORD)
        .exchange("/api/disclosures?agency=police", HttpMethod.GET, null, new ParameterizedTypeReference<>() {
        });
    assertThat(police.getBody()).extracting(disclosure -> disclosure.get("caseId")).contains(caseId);
    ResponseEntity<List<Map<String, Object>>> health = http.withBasicAuth(manager, PASSWORD)
        .exchange("/api/disclosures?agency=health", HttpMethod.GET, null, new ParameterizedTypeReference<>() {
        });
    assertThat(health.getBody()).extracting(disclosure -> disclosure.get("caseId")).doesNotContain(caseId);

    assertThat(http.withBasicAuth(coordinator, PASSWORD)
        .getForEntity("/api/cases/{caseId}/disclosures", String.class, caseId).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(http.withBasicAuth(policeManager, PASSWORD).getForEntity("/api/disclosures", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> invalid = http.withBasicAuth(manager, PASSWORD)
        .getForEntity("/api/disclosures?agency=fire&from=yesterday", String.class);
    assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(invalid.getBody()).contains("\"agency\"").contains("\"from\"");
  }

  @Test
  void anUncaughtRejectionFailsTheJobInsteadOfEndingTheCase() {
    // PartnerRequestFaultsTest shows the behaviour; this checks the application's engine is configured for it
    assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .isEnableExceptionsAfterUnhandledBpmnError()).isTrue();
  }

  @Test
  void aRestrictedCaseIsRefusedWhateverItsBasisAndNothingIsAudited() {
    String caseId = permittedCase();
    data.restrict(caseId);

    assertThatThrownBy(() -> gateway.send(new PartnerRequest(caseId, "Task_AskPartner#0", Agency.POLICE,
        PartnerRequestType.INFORMATION_REQUEST, "information gathering", "coordinator")))
        .isInstanceOf(SharingNotPermittedException.class).hasMessageContaining("restricted");
    assertThat(receivedFor(caseId)).isEmpty();
    assertThat(jdbc.queryForObject("select count(*) from disclosure_audit where case_id = ?", Long.class, caseId))
        .isZero();
  }

  @Test
  void theDisclosureLedgerCannotBeChanged() {
    String caseId = permittedCase();
    gateway.send(new PartnerRequest(caseId, "Task_AskPartner#0", Agency.POLICE,
        PartnerRequestType.INFORMATION_REQUEST, "information gathering", "coordinator"));

    // the application's own account: no right to change or delete, nor to switch the trigger off
    assertThatThrownBy(() -> jdbc.update("update disclosure_audit set purpose = 'changed' where case_id = ?", caseId))
        .matches(SchemaOwner::isRefusal, "a refusal");
    assertThatThrownBy(() -> jdbc.update("delete from disclosure_audit where case_id = ?", caseId))
        .matches(SchemaOwner::isRefusal, "a refusal");
    assertThatThrownBy(() -> jdbc.execute(TestDatabase.isPostgres()
        ? "alter table disclosure_audit disable trigger disclosure_audit_no_change"
        : "drop trigger disclosure_audit_no_change")).matches(SchemaOwner::isRefusal, "a refusal");
    // the schema's owner: the trigger still refuses both
    JdbcTemplate owner = SchemaOwner.jdbc(environment);
    try {
      assertThatThrownBy(() -> owner.update("update disclosure_audit set purpose = 'changed' where case_id = ?",
          caseId)).hasMessageContaining("append-only");
      assertThatThrownBy(() -> owner.update("delete from disclosure_audit where case_id = ?", caseId))
          .hasMessageContaining("append-only");
    } finally {
      SchemaOwner.close(owner);
    }
    assertThat(jdbc.queryForObject("select purpose from disclosure_audit where case_id = ?", String.class, caseId))
        .isEqualTo("information gathering");
  }

  @Test
  void everyDisclosureKeepsTheDigestOfItsExactPayloadAndThePartnerEchoesIt() {
    String caseId = permittedCase();
    PartnerRequest toPolice = new PartnerRequest(caseId, "Task_AskPartner#0", Agency.POLICE,
        PartnerRequestType.INFORMATION_REQUEST, "information gathering", "coordinator");
    gateway.send(toPolice);
    gateway.send(new PartnerRequest(caseId, "Task_AskPartner#1", Agency.HEALTH,
        PartnerRequestType.INFORMATION_REQUEST, "information gathering", "coordinator"));

    List<Map<String, Object>> rows = jdbc.queryForList("""
        select d.agency, d.payload_digest, d.previous_digest, d.row_digest, r.acknowledged_digest
        from disclosure_audit d join partner_request r on r.id = d.partner_request_id
        where d.case_id = ? order by d.chain_position""", caseId);
    assertThat(rows).hasSize(2).allSatisfy(row -> {
      assertThat((String) row.get("payload_digest")).matches("[0-9a-f]{64}");
      assertThat(row.get("acknowledged_digest")).as("what %s says it received", row.get("agency"))
          .isEqualTo(row.get("payload_digest"));
    });
    assertThat(rows.get(1).get("previous_digest")).isEqualTo(rows.get(0).get("row_digest"));
    // the police's JSON is the same bytes however often it is made: the digest is of exactly these
    PoliceAdapter police = new PoliceAdapter(endpoint("http://unused"), RestClient.builder(), Clock.systemUTC());
    OutboundRequest outbound = new OutboundRequest(toPolice, MinimumDataset.build(data.summary(caseId).orElseThrow(),
        SharingScope.FULL, Agency.POLICE, PartnerRequestType.INFORMATION_REQUEST),
        data.forCase(caseId).orElseThrow());
    assertThat(rows.get(0).get("payload_digest")).isEqualTo(PayloadDigest.of(police.payload(outbound)));
  }

  @Test
  void twoNodesAppendingAtOnceKeepOneUnbrokenChain() throws Exception {
    String caseId = permittedCase();
    java.util.concurrent.ExecutorService nodes = java.util.concurrent.Executors.newFixedThreadPool(6);
    try {
      List<java.util.concurrent.Future<PartnerReceipt>> sent = new java.util.ArrayList<>();
      for (int i = 0; i < 24; i++) {
        PartnerRequest request = new PartnerRequest(caseId, "Task_Concurrent#" + i, Agency.values()[i % 4],
            PartnerRequestType.INFORMATION_REQUEST, "information gathering", "coordinator");
        sent.add(nodes.submit(() -> gateway.send(request)));
      }
      for (java.util.concurrent.Future<PartnerReceipt> receipt : sent) {
        receipt.get();
      }
    } finally {
      nodes.shutdown();
    }

    assertThat(jdbc.queryForList("select chain_position from disclosure_audit where case_id = ?", Long.class,
        caseId)).hasSize(24).doesNotHaveDuplicates();
    assertThat(verification(user(PathwayGroups.MANAGERS))).containsEntry("intact", true);
  }

  @Test
  @SuppressWarnings("unchecked")
  void verificationNamesTheRowChangedBehindTheApplicationsBack() {
    String caseId = permittedCase();
    gateway.send(new PartnerRequest(caseId, "Task_AskPartner#0", Agency.SOCIAL_CARE,
        PartnerRequestType.INFORMATION_REQUEST, "information gathering", "coordinator"));
    String manager = user(PathwayGroups.MANAGERS);
    assertThat(verification(manager)).containsEntry("intact", true);
    Map<String, Object> row = jdbc.queryForMap(
        "select id, chain_position, purpose from disclosure_audit where case_id = ?", caseId);

    try {
      tamper("update disclosure_audit set purpose = 'nothing to see here' where id = ?", row.get("id"));
      Map<String, Object> broken = verification(manager);
      assertThat(broken).containsEntry("intact", false);
      assertThat((Map<String, Object>) broken.get("firstBrokenLink"))
          .containsEntry("disclosureId", row.get("id"))
          .containsEntry("caseId", caseId)
          .containsEntry("position", ((Number) row.get("chain_position")).intValue());
      assertThat((String) broken.get("summary")).contains("position " + row.get("chain_position"))
          .contains("no longer match");
    } finally {
      tamper("update disclosure_audit set purpose = ? where id = ?", row.get("purpose"), row.get("id"));
    }
    assertThat(verification(manager)).containsEntry("intact", true);
    assertThat(http.withBasicAuth(user(PathwayGroups.COORDINATORS), PASSWORD)
        .getForEntity("/api/disclosures/verification", String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  private Map<String, Object> verification(String manager) {
    ResponseEntity<Map<String, Object>> answer = http.withBasicAuth(manager, PASSWORD)
        .exchange("/api/disclosures/verification", HttpMethod.GET, null, new ParameterizedTypeReference<>() {
        });
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    return answer.getBody();
  }

  /** Changes the ledger as the schema's owner could: the trigger off, the change, on again. */
  private void tamper(String update, Object... args) {
    JdbcTemplate owner = SchemaOwner.jdbc(environment);
    try {
      if (TestDatabase.isPostgres()) {
        owner.execute("alter table disclosure_audit disable trigger disclosure_audit_no_change");
        try {
          owner.update(update, args);
        } finally {
          owner.execute("alter table disclosure_audit enable trigger disclosure_audit_no_change");
        }
      } else {
        owner.execute("drop trigger disclosure_audit_no_change");
        try {
          owner.update(update, args);
        } finally {
          owner.execute("create trigger disclosure_audit_no_change before update, delete on disclosure_audit"
              + " for each row call 'org.partnershippathways.platform.AppendOnlyTrigger'");
        }
      }
    } finally {
      SchemaOwner.close(owner);
    }
  }

}

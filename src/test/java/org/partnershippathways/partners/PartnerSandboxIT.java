package org.partnershippathways.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.partnershippathways.platform.FieldProblem;
import org.partnershippathways.platform.ForbiddenException;
import org.partnershippathways.platform.InvalidRequestException;
import org.slf4j.LoggerFactory;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.partnershippathways.consent.SharingBasis;
import org.partnershippathways.consent.SharingScope;
import org.partnershippathways.partners.sandbox.PartnerSandboxApplication;
import org.partnershippathways.partners.sandbox.ReceivedRequests;
import org.partnershippathways.security.Agency;
import org.partnershippathways.security.PathwayGroups;
import org.partnershippathways.testsupport.PathwaysIntegrationTest;
import org.partnershippathways.testsupport.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application's gateway and adapters against the partner sandbox started on a random port; the disclosure
 * audit as managers read it.
 */
@PathwaysIntegrationTest
class PartnerSandboxIT {

  static final ConfigurableApplicationContext SANDBOX =
      PartnerSandboxApplication.start("--server.port=0", "--pathways.sandbox.replies=false");

  @TestConfiguration
  static class CasesAndPermissions {
    @Bean
    @Primary
    TestCaseData testCaseData() {
      return new TestCaseData();
    }
  }

  @DynamicPropertySource
  static void pointAdaptersAtTheSandbox(DynamicPropertyRegistry registry) {
    String base = "http://localhost:" + SANDBOX.getEnvironment().getProperty("local.server.port");
    registry.add("pathways.partners.police.base-url", () -> base + "/police");
    registry.add("pathways.partners.health.base-url", () -> base + "/fhir");
    registry.add("pathways.partners.social-care.base-url", () -> base + "/social-care");
    registry.add("pathways.partners.voluntary.base-url", () -> base + "/voluntary");
  }

  @AfterAll
  static void stopSandbox() {
    SANDBOX.close();
  }

  @Autowired PartnerGateway gateway;
  @Autowired TestCaseData data;
  @Autowired IdentityService identityService;
  @Autowired DisclosureController disclosures;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;

  private List<ReceivedRequests.Received> receivedFor(String caseId) {
    return SANDBOX.getBean(ReceivedRequests.class).all().stream()
        .filter(received -> caseId.equals(received.caseId())).toList();
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

  /**
   * Through the controller with the engine's authentication set as the API filter sets it. Over HTTP the filter
   * answers 401 in integration tests: it finds its engine through ProcessEngines, which on the test classpath
   * builds a second engine from camunda.cfg.xml (see the report to the lead).
   */
  @Test
  void managersReadTheDisclosuresOthersMayNot() {
    String caseId = permittedCase();
    gateway.send(new PartnerRequest(caseId, "Task_AskPartner#0", Agency.POLICE,
        PartnerRequestType.INFORMATION_REQUEST, "information gathering", "coordinator"));
    LoggerFactory.getLogger(getClass()).info("Engine of the API filter is the application's: {}",
        ProcessEngines.getDefaultProcessEngine() == engine);

    List<DisclosureAudit.Disclosure> forCase = as(PathwayGroups.MANAGERS, () -> disclosures.forCase(caseId));
    assertThat(forCase).singleElement().satisfies(disclosure -> {
      assertThat(disclosure.agency()).isEqualTo("police");
      assertThat(disclosure.basis()).isEqualTo("LAWFUL_BASIS");
      assertThat(disclosure.disclosedBy()).isEqualTo("coordinator");
      assertThat(disclosure.requestStatus()).isEqualTo("ACCEPTED");
      assertThat(disclosure.fieldsDisclosed()).contains("FAMILY_NAME").doesNotContain("NHS_NUMBER");
    });
    assertThat(as(PathwayGroups.MANAGERS, () -> disclosures.between("police", null, null)))
        .extracting(DisclosureAudit.Disclosure::caseId).contains(caseId);
    assertThat(as(PathwayGroups.MANAGERS, () -> disclosures.between("health", null, null)))
        .extracting(DisclosureAudit.Disclosure::caseId).doesNotContain(caseId);

    assertThatThrownBy(() -> as(PathwayGroups.COORDINATORS, () -> disclosures.forCase(caseId)))
        .isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> as(Agency.POLICE.managersGroupId(), () -> disclosures.between(null, null, null)))
        .isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> as(PathwayGroups.MANAGERS, () -> disclosures.between("fire", "yesterday", null)))
        .isInstanceOfSatisfying(InvalidRequestException.class, invalid -> assertThat(invalid.problems())
            .extracting(FieldProblem::field).containsExactlyInAnyOrder("agency", "from"));
  }

  private <T> T as(String group, Supplier<T> call) {
    identityService.setAuthentication("someone-in-" + group, List.of(group));
    try {
      return call.get();
    } finally {
      identityService.clearAuthentication();
    }
  }

  @Test
  void onPostgresTheDisclosureAuditCannotBeChanged() {
    assumeTrue(TestDatabase.isPostgres(), "the append-only trigger exists on PostgreSQL only");
    String caseId = permittedCase();
    gateway.send(new PartnerRequest(caseId, "Task_AskPartner#0", Agency.POLICE,
        PartnerRequestType.INFORMATION_REQUEST, "information gathering", "coordinator"));

    assertThatThrownBy(() -> jdbc.update("update disclosure_audit set purpose = 'changed' where case_id = ?", caseId))
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.update("delete from disclosure_audit where case_id = ?", caseId))
        .hasMessageContaining("append-only");
  }

}

package org.partnershippathways.partners;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnershippathways.consent.SharingBasis;
import org.partnershippathways.consent.SharingScope;
import org.partnershippathways.partners.socialcare.SocialCareAdapter;
import org.partnershippathways.partners.voluntary.VoluntaryAdapter;
import org.partnershippathways.sandbox.PartnerSandboxApplication;
import org.partnershippathways.security.Agency;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;

/** OAuth2 client credentials for a partner; the sandbox's asynchronous reply to the engine. */
class PartnerCredentialsAndRepliesTest {

  WireMockServer server;
  final TestCaseData data = new TestCaseData();

  @BeforeEach
  void start() {
    server = new WireMockServer(options().dynamicPort());
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private OutboundRequest outbound(Agency agency, PartnerRequestType type) {
    String caseId = data.newCase();
    var permission = data.permit(caseId, SharingBasis.CONSENT, SharingScope.FULL);
    PartnerRequest request = new PartnerRequest(caseId, "Task_Refer", agency, type, "support", "coordinator");
    return new OutboundRequest(request, MinimumDataset.build(data.summaryOf(caseId), SharingScope.FULL, agency, type),
        permission);
  }

  @Test
  void aClientCredentialsTokenIsFetchedOnceAndSentAsBearer() {
    server.stubFor(post(urlEqualTo("/oauth/token")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"access_token\":\"token-1\",\"token_type\":\"Bearer\",\"expires_in\":3600}")));
    server.stubFor(post(urlEqualTo("/social-care/safeguarding-referrals")).willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json").withBody("{\"reference\":\"LA-1\"}")));
    PartnersProperties.Endpoint endpoint = new PartnersProperties.Endpoint(server.baseUrl() + "/social-care",
        new PartnersProperties.Auth(PartnersProperties.AuthType.CLIENT_CREDENTIALS, null, null,
            server.baseUrl() + "/oauth/token", "pathways", "client-secret", "referrals"),
        Duration.ofSeconds(2), Duration.ofSeconds(10));
    SocialCareAdapter adapter = new SocialCareAdapter(endpoint, RestClient.builder(), Clock.systemUTC());

    TestCaseData.sendThrough(adapter, outbound(Agency.SOCIAL_CARE, PartnerRequestType.SAFEGUARDING_REFERRAL));
    PartnerReceipt second = TestCaseData.sendThrough(adapter,
        outbound(Agency.SOCIAL_CARE, PartnerRequestType.SAFEGUARDING_REFERRAL));

    assertThat(second.partnerReference()).isEqualTo("LA-1");
    server.verify(1, postRequestedFor(urlEqualTo("/oauth/token"))
        .withRequestBody(containing("grant_type=client_credentials"))
        .withRequestBody(containing("client_id=pathways")));
    server.verify(2, postRequestedFor(urlEqualTo("/social-care/safeguarding-referrals"))
        .withHeader("Authorization", equalTo("Bearer token-1"))
        .withRequestBody(matchingJsonPath("$.referrer.name", equalTo("Rita Referrer")))
        .withRequestBody(matchingJsonPath("$.concern.description", equalTo("Often alone at home"))));
  }

  @Test
  void theSandboxRepliesToAnInformationRequestAsTheAgencysSystemUser() {
    server.stubFor(post(urlEqualTo("/api/cases/case-77/partner-responses")).willReturn(aResponse().withStatus(202)));
    ConfigurableApplicationContext sandbox = PartnerSandboxApplication.start("--server.port=0",
        "--pathways.sandbox.engine-url=" + server.baseUrl(), "--pathways.sandbox.latency=0s",
        "--pathways.sandbox.keys[voluntary]=voluntary-sandbox-key");
    try {
      String base = "http://localhost:" + sandbox.getEnvironment().getProperty("local.server.port");
      RestClient client = RestClient.create();
      for (int i = 0; i < 2; i++) {
        client.post().uri(base + "/voluntary/service-referrals")
            .header("Idempotency-Key", "case-77:Task_Ask:voluntary")
            .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
            .body(Map.of("requestType", "INFORMATION_REQUEST", "caseId", "case-77", "basis", Map.of("basis", "CONSENT")))
            .retrieve().toBodilessEntity();
      }

      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> server.verify(1,
          postRequestedFor(urlEqualTo("/api/cases/case-77/partner-responses"))
              .withHeader("X-API-Key", equalTo("voluntary-sandbox-key"))
              .withoutHeader("Authorization")
              .withRequestBody(matchingJsonPath("$.agency", equalTo("voluntary")))
              .withRequestBody(matchingJsonPath("$.partnerReference"))
              .withRequestBody(matchingJsonPath("$.holdsInformation"))));
    } finally {
      sandbox.close();
    }
    // one reply however often the request came
    server.verify(1, postRequestedFor(urlEqualTo("/api/cases/case-77/partner-responses")));
  }

  @Test
  void aReplyTheEngineIsNotReadyForIsSentAgainLater() {
    server.stubFor(post(urlEqualTo("/api/cases/case-78/partner-responses")).inScenario("engine not ready")
        .whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withStatus(409)).willSetStateTo("ready"));
    server.stubFor(post(urlEqualTo("/api/cases/case-78/partner-responses")).inScenario("engine not ready")
        .whenScenarioStateIs("ready").willReturn(aResponse().withStatus(202)).willSetStateTo("answered"));
    ConfigurableApplicationContext sandbox = PartnerSandboxApplication.start("--server.port=0",
        "--pathways.sandbox.engine-url=" + server.baseUrl(), "--pathways.sandbox.latency=0s",
        "--pathways.sandbox.keys[social-care]=social-care-sandbox-key");
    try {
      String base = "http://localhost:" + sandbox.getEnvironment().getProperty("local.server.port");
      RestClient.create().post().uri(base + "/social-care/referrals")
          .header("Idempotency-Key", "case-78:Task_Ask:social-care")
          .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
          .body(Map.of("requestType", "INFORMATION_REQUEST", "caseId", "case-78", "basis", Map.of("basis", "CONSENT")))
          .retrieve().toBodilessEntity();

      await().atMost(Duration.ofSeconds(30)).until(() -> "answered".equals(
          server.getAllScenarios().getScenarios().get(0).getState()));
    } finally {
      sandbox.close();
    }
    server.verify(2, postRequestedFor(urlEqualTo("/api/cases/case-78/partner-responses")));
  }

  @Test
  void theVoluntarySectorNeverSeesTheRiskRating() {
    server.stubFor(post(urlEqualTo("/voluntary/service-referrals")).willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json").withBody("{\"reference\":\"VOL-1\"}")));
    VoluntaryAdapter adapter = new VoluntaryAdapter(new PartnersProperties.Endpoint(server.baseUrl() + "/voluntary",
        null, null, null), RestClient.builder(), Clock.systemUTC());

    TestCaseData.sendThrough(adapter, outbound(Agency.VOLUNTARY, PartnerRequestType.SERVICE_REFERRAL));

    String body = server.getAllServeEvents().get(0).getRequest().getBodyAsString();
    assertThat(body).contains("\"familyName\":\"Example\"").doesNotContain("riskRating").doesNotContain("AMBER")
        .doesNotContain("nhsNumber");
  }
}

package org.partnershippathways.partners;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partnershippathways.consent.SharingBasis;
import org.partnershippathways.consent.SharingPermission;
import org.partnershippathways.consent.SharingScope;
import org.partnershippathways.partners.health.FhirNames;
import org.partnershippathways.partners.health.HealthFhirAdapter;
import org.partnershippathways.sandbox.PartnerSandboxApplication;
import org.partnershippathways.sandbox.ReceivedRequests;
import org.partnershippathways.security.Agency;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;

/** The health adapter against the sandbox's FHIR R4 server (and a bare HTTP server for the wire details). */
class HealthFhirAdapterTest {

  static ConfigurableApplicationContext sandbox;
  static String fhirBase;
  static final FhirContext FHIR = FhirContext.forR4();
  final TestCaseData data = new TestCaseData();

  @BeforeAll
  static void startSandbox() {
    sandbox = PartnerSandboxApplication.start("--server.port=0", "--pathways.sandbox.replies=false");
    fhirBase = "http://localhost:" + sandbox.getEnvironment().getProperty("local.server.port") + "/fhir";
  }

  @AfterAll
  static void stopSandbox() {
    sandbox.close();
  }

  private HealthFhirAdapter adapter(String baseUrl) {
    return new HealthFhirAdapter(new PartnersProperties.Endpoint(baseUrl, null, Duration.ofSeconds(2),
        Duration.ofSeconds(5)), FHIR, RestClient.builder(), Clock.systemUTC());
  }

  private OutboundRequest outbound(SharingScope scope) {
    String caseId = data.newCase();
    SharingPermission permission = data.permit(caseId, SharingBasis.LAWFUL_BASIS, scope);
    PartnerRequest request = new PartnerRequest(caseId, "Task_AskHealth#0", Agency.HEALTH,
        PartnerRequestType.INFORMATION_REQUEST, "Information gathering", "coordinator");
    return new OutboundRequest(request, MinimumDataset.build(data.summaryOf(caseId), scope, Agency.HEALTH,
        request.type()), permission);
  }

  @Test
  void theServiceRequestIdentifiesThePatientByNhsNumberAndCarriesTheLawfulBasis() {
    OutboundRequest outbound = outbound(SharingScope.IDENTITY_ONLY);

    PartnerReceipt receipt = TestCaseData.sendThrough(adapter(fhirBase), outbound);

    ServiceRequest stored = FHIR.newRestfulGenericClient(fhirBase).read().resource(ServiceRequest.class)
        .withId(receipt.partnerReference().substring("ServiceRequest/".length())).execute();
    assertThat(stored.getIdentifier()).anySatisfy(identifier -> {
      assertThat(identifier.getSystem()).isEqualTo(FhirNames.PARTNER_REQUEST_SYSTEM);
      assertThat(identifier.getValue()).isEqualTo(outbound.idempotencyKey());
    });
    Patient patient = (Patient) stored.getSubject().getResource();
    assertThat(patient.getIdentifierFirstRep().getSystem()).isEqualTo("https://fhir.nhs.uk/Id/nhs-number");
    assertThat(patient.getIdentifierFirstRep().getValue()).isEqualTo("9434765919");
    assertThat(patient.getBirthDateElement().getValueAsString()).isEqualTo("2012-03-04");
    assertThat(patient.getAddress()).as("identity only: no address").isEmpty();
    Extension basis = stored.getExtensionByUrl(FhirNames.SHARING_BASIS_EXTENSION);
    assertThat(basis.getExtensionString("basis")).isEqualTo("LAWFUL_BASIS");
    assertThat(basis.getExtensionString("decisionId")).isEqualTo(outbound.permission().decisionId());
    assertThat(basis.getExtensionString("legalGround")).contains("safeguarding");
  }

  @Test
  void aNotificationIsACommunicationCreatedOnce() {
    String caseId = data.newCase();
    SharingPermission permission = data.permit(caseId, SharingBasis.CONSENT, SharingScope.FULL);
    PartnerRequest request = new PartnerRequest(caseId, "Task_InvitePartners#1", Agency.HEALTH,
        PartnerRequestType.MEETING_INVITATION, "Multi-agency meeting on 3 December", "coordinator");
    OutboundRequest outbound = new OutboundRequest(request, MinimumDataset.build(data.summaryOf(caseId),
        SharingScope.FULL, Agency.HEALTH, request.type()), permission);
    HealthFhirAdapter adapter = adapter(fhirBase);

    PartnerReceipt first = TestCaseData.sendThrough(adapter, outbound);
    PartnerReceipt second = TestCaseData.sendThrough(adapter, outbound);

    assertThat(first.partnerReference()).startsWith("Communication/").isEqualTo(second.partnerReference());
    Communication stored = FHIR.newRestfulGenericClient(fhirBase).read().resource(Communication.class)
        .withId(first.partnerReference().substring("Communication/".length())).execute();
    assertThat(stored.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("MEETING_INVITATION");
    assertThat(((Patient) stored.getSubject().getResource()).getIdentifierFirstRep().getSystem())
        .isEqualTo(FhirNames.NHS_NUMBER_SYSTEM);
    assertThat(stored.getPayloadFirstRep().getContentStringType().getValue()).doesNotContain("Often alone");
    assertThat(stored.getExtensionByUrl(FhirNames.SHARING_BASIS_EXTENSION).getExtensionString("basis"))
        .isEqualTo("CONSENT");
  }

  @Test
  void aWithdrawalOfConsentIsAnInactiveFhirConsentThatNamesNobody() {
    String caseId = data.newCase();
    PartnerRequest request = new PartnerRequest(caseId, "ServiceTask_TellAgencyOfWithdrawal#0", Agency.HEALTH,
        PartnerRequestType.CONSENT_WITHDRAWAL, "The person withdrew consent to share", "coordinator");
    OutboundRequest outbound = new OutboundRequest(request, MinimumDataset.build(data.summaryOf(caseId), null,
        Agency.HEALTH, request.type()), null);

    PartnerReceipt receipt = TestCaseData.sendThrough(adapter(fhirBase), outbound);

    assertThat(receipt.partnerReference()).startsWith("Consent/");
    Consent stored = FHIR.newRestfulGenericClient(fhirBase).read().resource(Consent.class)
        .withId(receipt.partnerReference().substring("Consent/".length())).execute();
    assertThat(stored.getStatus()).isEqualTo(Consent.ConsentState.INACTIVE);
    assertThat(stored.getScope().getCodingFirstRep().getCode()).isEqualTo("patient-privacy");
    assertThat(stored.getProvision().getType()).isEqualTo(Consent.ConsentProvisionType.DENY);
    assertThat(stored.getIdentifier()).anySatisfy(identifier ->
        assertThat(identifier.getValue()).isEqualTo(data.summaryOf(caseId).reference()));
    assertThat(stored.getPatient().getDisplay()).isEqualTo("Case " + data.summaryOf(caseId).reference());
    assertThat(FHIR.newJsonParser().encodeResourceToString(stored)).doesNotContain("9434765919")
        .doesNotContain("Example").doesNotContain("High Street");
    assertThat(stored.getExtensionByUrl(FhirNames.SHARING_BASIS_EXTENSION).getExtensionString("basis"))
        .isEqualTo("NONE");
  }

  @Test
  void aRepeatedRequestFindsTheFirstInsteadOfCreatingASecond() {
    OutboundRequest outbound = outbound(SharingScope.FULL);
    HealthFhirAdapter adapter = adapter(fhirBase);

    PartnerReceipt first = TestCaseData.sendThrough(adapter, outbound);
    PartnerReceipt second = TestCaseData.sendThrough(adapter, outbound);

    assertThat(second.partnerReference()).isEqualTo(first.partnerReference());
    List<ReceivedRequests.Received> atPartner = sandbox.getBean(ReceivedRequests.class).of("health").stream()
        .filter(received -> received.idempotencyKey().equals(outbound.idempotencyKey())).toList();
    assertThat(atPartner).hasSize(1);
    assertThat(atPartner.get(0).timesReceived()).isEqualTo(2);
  }

  @Test
  void theCreateIsConditionalOnTheIdentifierAndAFaultIsClassified() {
    WireMockServer server = new WireMockServer(options().dynamicPort());
    server.start();
    try {
      server.stubFor(post(urlEqualTo("/fhir/ServiceRequest")).willReturn(aResponse().withStatus(201)
          .withHeader("Location", server.baseUrl() + "/fhir/ServiceRequest/77/_history/1")));
      OutboundRequest outbound = outbound(SharingScope.IDENTITY_AND_CONCERN);

      PartnerReceipt receipt = TestCaseData.sendThrough(adapter(server.baseUrl() + "/fhir"), outbound);

      assertThat(receipt.partnerReference()).isEqualTo("ServiceRequest/77");
      server.verify(postRequestedFor(urlEqualTo("/fhir/ServiceRequest"))
          .withHeader("If-None-Exist", containing("ServiceRequest?identifier="
              + URLEncoder.encode(FhirNames.PARTNER_REQUEST_SYSTEM + "|" + outbound.idempotencyKey(),
                  StandardCharsets.UTF_8)))
          .withHeader("Idempotency-Key", equalTo(outbound.idempotencyKey()))
          .withRequestBody(containing(FhirNames.NHS_NUMBER_SYSTEM)));

      server.stubFor(post(urlEqualTo("/fhir/ServiceRequest")).willReturn(aResponse().withStatus(503)));
      assertThatThrownBy(() -> TestCaseData.sendThrough(adapter(server.baseUrl() + "/fhir"), outbound))
          .isInstanceOf(PartnerUnavailableException.class);
      server.stubFor(post(urlEqualTo("/fhir/ServiceRequest")).willReturn(aResponse().withStatus(422)
          .withHeader("Content-Type", "application/fhir+json")
          .withBody("{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"invalid\"}]}")));
      assertThatThrownBy(() -> TestCaseData.sendThrough(adapter(server.baseUrl() + "/fhir"), outbound))
          .isInstanceOf(PartnerRejectedException.class);
    } finally {
      server.stop();
    }
    assertThatThrownBy(() -> TestCaseData.sendThrough(adapter("http://127.0.0.1:28089/fhir"),
        outbound(SharingScope.FULL)))
        .isInstanceOf(PartnerUnavailableException.class);
  }
}

package org.partnershippathways.partners.health;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.IRestfulClientFactory;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.exceptions.FhirClientConnectionException;
import ca.uhn.fhir.rest.gclient.ICreateTyped;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.hl7.fhir.r4.model.DateType;
import java.util.List;
import ca.uhn.fhir.rest.gclient.TokenClientParam;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
import org.partnershippathways.consent.SharingPermission;
import org.partnershippathways.partners.JsonPartnerAdapter;
import org.partnershippathways.partners.OutboundRequest;
import org.partnershippathways.partners.PartnerAdapter;
import org.partnershippathways.partners.PartnerDataset;
import org.partnershippathways.partners.PartnerReceipt;
import org.partnershippathways.partners.PartnerFaults;
import org.partnershippathways.partners.PayloadDigest;
import org.partnershippathways.partners.PartnerRequest;
import org.partnershippathways.partners.PartnerRequestType;
import org.partnershippathways.partners.PartnerCredentials;
import org.partnershippathways.partners.PartnersProperties;
import org.partnershippathways.security.Agency;
import org.springframework.web.client.RestClient;

/**
 * The NHS partner over HL7 FHIR R4: a referral or information request is a {@code ServiceRequest}, a notification
 * or invitation a {@code Communication}, each about a contained {@code Patient}
 * (identified by NHS number where the dataset has it), carrying the sharing basis as an extension. It is created
 * with a conditional create on its identifier (our idempotency key), so a retry after a timeout finds the first one
 * instead of making a second referral.
 */
public class HealthFhirAdapter implements PartnerAdapter {

  private static final Set<PartnerRequestType> NOTIFICATIONS = EnumSet.of(
      PartnerRequestType.IMMEDIATE_RISK_NOTIFICATION, PartnerRequestType.MEETING_INVITATION,
      PartnerRequestType.CLOSURE_NOTIFICATION);

  private final PartnersProperties.Endpoint endpoint;
  private final FhirContext fhir;
  private final PartnerCredentials credentials;

  public HealthFhirAdapter(PartnersProperties.Endpoint endpoint, FhirContext fhir, RestClient.Builder tokenClient,
      Clock clock) {
    this.endpoint = endpoint;
    this.fhir = fhir;
    IRestfulClientFactory factory = fhir.getRestfulClientFactory();
    factory.setServerValidationMode(ServerValidationModeEnum.NEVER);
    factory.setConnectTimeout((int) endpoint.connectTimeout().toMillis());
    factory.setSocketTimeout((int) endpoint.readTimeout().toMillis());
    this.credentials = new PartnerCredentials(endpoint.auth(),
        tokenClient.clone().requestFactory(JsonPartnerAdapter.requestFactory(endpoint)).build(), clock);
  }

  @Override
  public Agency agency() {
    return Agency.HEALTH;
  }

  /** The resource as FHIR JSON, sent as it is (the digest in the disclosure ledger is of these bytes). */
  @Override
  public byte[] payload(OutboundRequest request) {
    return fhir.newJsonParser().encodeResourceToString(resource(request)).getBytes(StandardCharsets.UTF_8);
  }

  private static DomainResource resource(OutboundRequest request) {
    PartnerRequestType type = request.request().type();
    return type == PartnerRequestType.CONSENT_WITHDRAWAL ? consentWithdrawn(request)
        : NOTIFICATIONS.contains(type) ? communication(request) : serviceRequest(request);
  }

  private static String resourceType(PartnerRequestType type) {
    return type == PartnerRequestType.CONSENT_WITHDRAWAL ? "Consent"
        : NOTIFICATIONS.contains(type) ? "Communication" : "ServiceRequest";
  }

  @Override
  public PartnerReceipt send(OutboundRequest request, byte[] payload) {
    if (!endpoint.configured()) {
      throw PartnerFaults.notConfigured(Agency.HEALTH);
    }
    IGenericClient client = fhir.newRestfulGenericClient(endpoint.baseUrl());
    ICreateTyped create = client.create().resource(new String(payload, StandardCharsets.UTF_8))
        .conditional()
        .where(new TokenClientParam("identifier").exactly().systemAndCode(FhirNames.PARTNER_REQUEST_SYSTEM,
            request.idempotencyKey()));
    create.withAdditionalHeader(JsonPartnerAdapter.IDEMPOTENCY_KEY_HEADER, request.idempotencyKey());
    create.withAdditionalHeader(PAYLOAD_DIGEST_HEADER, PayloadDigest.of(payload));
    try {
      credentials.apply(create::withAdditionalHeader);
      MethodOutcome outcome = create.execute();
      String reference = outcome.getId() == null ? request.idempotencyKey()
          : resourceType(request.request().type()) + "/" + outcome.getId().getIdPart();
      return new PartnerReceipt(reference, null, acknowledgedDigest(outcome));
    } catch (FhirClientConnectionException e) {
      throw PartnerFaults.unreachable(Agency.HEALTH, e);
    } catch (BaseServerResponseException e) {
      throw PartnerFaults.answered(Agency.HEALTH, request.request().type(), e.getStatusCode(), e.getMessage(), e);
    }
  }

  private static String acknowledgedDigest(MethodOutcome outcome) {
    if (outcome.getResponseHeaders() == null) {
      return null;
    }
    return outcome.getResponseHeaders().entrySet().stream()
        .filter(header -> PAYLOAD_DIGEST_HEADER.equalsIgnoreCase(header.getKey()) && !header.getValue().isEmpty())
        .map(header -> header.getValue().get(0)).findFirst().orElse(null);
  }

  /**
   * A notification or invitation: a {@code Communication} about the person, with the same identifiers, subject and
   * sharing-basis extension as a {@code ServiceRequest}; what it says is in {@code payload}.
   */
  public static Communication communication(OutboundRequest outbound) {
    PartnerRequest request = outbound.request();
    PartnerDataset data = outbound.dataset();
    Communication communication = new Communication();
    identify(communication::addIdentifier, outbound);
    communication.setStatus(Communication.CommunicationStatus.COMPLETED);
    communication.addCategory(requestType(request.type()));
    if (request.type() == PartnerRequestType.IMMEDIATE_RISK_NOTIFICATION) {
      communication.setPriority(Communication.CommunicationPriority.URGENT);
    }
    communication.setSubject(subject(data));
    communication.setSent(new java.util.Date());
    if (request.requestedBy() != null) {
      communication.setSender(new Reference().setDisplay(request.requestedBy()));
    }
    if (request.purpose() != null) {
      communication.addReasonCode().setText(request.purpose());
    }
    List<String> lines = new java.util.ArrayList<>();
    if (!data.concernCategories().isEmpty()) {
      lines.add("Concern: " + String.join(", ", data.concernCategories()));
    }
    if (data.riskRating() != null) {
      lines.add("Risk rating: " + data.riskRating());
    }
    if (data.concernDescription() != null) {
      lines.add(data.concernDescription());
    }
    if (data.referrerName() != null || data.referrerContact() != null) {
      lines.add(referredBy(data));
    }
    if (data.outcome() != null) {
      lines.add("Case outcome: " + data.outcome());
    }
    if (lines.isEmpty()) {
      lines.add(request.type().name().replace('_', ' ').toLowerCase() + " for case " + data.caseReference());
    }
    communication.addPayload().setContent(new StringType(String.join("\n", lines)));
    communication.addExtension(sharingBasis(outbound.permission()));
    return communication;
  }

  /**
   * A withdrawal of consent: a FHIR R4 {@code Consent} (privacy consent, LOINC 59284-0) with status
   * {@code inactive} and a provision that denies further processing from now, about the case (our reference); it
   * names nobody, the agency finds what it received by the reference.
   */
  public static Consent consentWithdrawn(OutboundRequest outbound) {
    PartnerDataset data = outbound.dataset();
    Consent consent = new Consent();
    consent.addIdentifier().setSystem(FhirNames.PARTNER_REQUEST_SYSTEM).setValue(outbound.idempotencyKey());
    consent.addIdentifier().setSystem(FhirNames.CASE_REFERENCE_SYSTEM).setValue(data.caseReference());
    consent.setStatus(Consent.ConsentState.INACTIVE);
    consent.setScope(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/consentscope",
        "patient-privacy", "Privacy Consent")));
    consent.addCategory(new CodeableConcept(new Coding("http://loinc.org", "59284-0", "Patient Consent")));
    consent.setPatient(new Reference().setDisplay("Case " + data.caseReference()));
    java.util.Date now = new java.util.Date();
    consent.setDateTime(now);
    consent.setPolicyRule(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode",
        "OPTOUT", "opt-out")));
    consent.getProvision().setType(Consent.ConsentProvisionType.DENY).setPeriod(new Period().setStart(now));
    if (outbound.request().purpose() != null) {
      consent.getProvision().addPurpose(new Coding().setDisplay(outbound.request().purpose()));
    }
    consent.addExtension(sharingBasis(outbound.permission()));
    return consent;
  }

  /** The FHIR resource sent for a request (public for tests and the sandbox's documentation). */
  public static ServiceRequest serviceRequest(OutboundRequest outbound) {
    PartnerRequest request = outbound.request();
    PartnerDataset data = outbound.dataset();
    ServiceRequest serviceRequest = new ServiceRequest();
    identify(serviceRequest::addIdentifier, outbound);
    serviceRequest.setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE);
    serviceRequest.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
    serviceRequest.setCode(requestType(request.type()));
    if ("RED".equals(data.riskRating())) {
      serviceRequest.setPriority(ServiceRequest.ServiceRequestPriority.URGENT);
    } else if (data.riskRating() != null) {
      serviceRequest.setPriority(ServiceRequest.ServiceRequestPriority.ROUTINE);
    }
    serviceRequest.setSubject(subject(data));
    if (request.requestedBy() != null) {
      serviceRequest.setRequester(new Reference().setDisplay(request.requestedBy()));
    }
    if (request.purpose() != null) {
      serviceRequest.addReasonCode().setText(request.purpose());
    }
    data.concernCategories().forEach(category -> serviceRequest.addReasonCode().setText(category));
    if (data.concernDescription() != null) {
      serviceRequest.addNote().setText(data.concernDescription());
    }
    if (data.referrerName() != null || data.referrerContact() != null) {
      serviceRequest.addNote().setText(referredBy(data));
    }
    if (data.outcome() != null) {
      serviceRequest.addNote().setText("Case outcome: " + data.outcome());
    }
    serviceRequest.addExtension(sharingBasis(outbound.permission()));
    return serviceRequest;
  }

  /** Our partner-request identifier (a repeat is matched on it) and, when the dataset has it, the case's reference. */
  private static void identify(Supplier<Identifier> addIdentifier, OutboundRequest outbound) {
    addIdentifier.get().setSystem(FhirNames.PARTNER_REQUEST_SYSTEM).setValue(outbound.idempotencyKey());
    if (outbound.dataset().caseReference() != null) {
      addIdentifier.get().setSystem(FhirNames.CASE_REFERENCE_SYSTEM).setValue(outbound.dataset().caseReference());
    }
  }

  /** The request's type as a coded concept: the code, and the code in words ("information request"). */
  private static CodeableConcept requestType(PartnerRequestType type) {
    return new CodeableConcept(new Coding(FhirNames.REQUEST_TYPE_SYSTEM, type.name(),
        type.name().replace('_', ' ').toLowerCase()));
  }

  private static String referredBy(PartnerDataset data) {
    return "Referred by " + data.referrerName() + " (" + data.referrerAgency() + "), " + data.referrerContact();
  }

  private static Reference subject(PartnerDataset data) {
    if (data.givenName() == null && data.familyName() == null && data.nhsNumber() == null) {
      return new Reference().setDisplay("Case " + data.caseReference());
    }
    Patient patient = new Patient();
    if (data.nhsNumber() != null) {
      patient.addIdentifier().setSystem(FhirNames.NHS_NUMBER_SYSTEM).setValue(data.nhsNumber());
    }
    if (data.givenName() != null || data.familyName() != null) {
      HumanName name = patient.addName().setFamily(data.familyName());
      if (data.givenName() != null) {
        name.setGiven(List.of(new StringType(data.givenName())));
      }
    }
    if (data.dateOfBirth() != null) {
      patient.setBirthDateElement(new DateType(data.dateOfBirth().toString()));
    }
    if (data.address() != null) {
      patient.addAddress().setText(data.address());
    }
    // contained in the request: the partner matches the person itself; we do not create patients in its system
    Reference reference = new Reference(patient);
    return reference;
  }

  private static Extension sharingBasis(SharingPermission permission) {
    Extension basis = new Extension(FhirNames.SHARING_BASIS_EXTENSION);
    basis.addExtension("basis", new CodeType(permission == null ? "NONE" : permission.basis().name()));
    if (permission != null) {
      if (permission.decisionId() != null) {
        basis.addExtension("decisionId", new StringType(permission.decisionId()));
      }
      if (permission.legalGround() != null) {
        basis.addExtension("legalGround", new StringType(permission.legalGround()));
      }
      if (permission.scope() != null) {
        basis.addExtension("scope", new CodeType(permission.scope().name()));
      }
    }
    return basis;
  }
}

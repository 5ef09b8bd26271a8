package org.partnershippathways.partners.sandbox;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.ConditionalUrlParam;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.UnclassifiedServerFailureException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.partnershippathways.partners.health.FhirNames;

/**
 * The NHS partner's {@code ServiceRequest} endpoint: create (and conditional create on the identifier, so a repeat
 * finds the first), read and search by identifier. Requires our partner-request identifier and a sharing basis.
 */
class ServiceRequestProvider implements IResourceProvider {

  private final FhirContext fhir;
  private final ReceivedRequests received;
  private final PartnerReplies replies;
  private final PartnerBehaviour behaviour;
  private final Map<String, ServiceRequest> byId = new LinkedHashMap<>();

  ServiceRequestProvider(FhirContext fhir, ReceivedRequests received, PartnerReplies replies,
      PartnerBehaviour behaviour) {
    this.fhir = fhir;
    this.received = received;
    this.replies = replies;
    this.behaviour = behaviour;
  }

  @Override
  public Class<ServiceRequest> getResourceType() {
    return ServiceRequest.class;
  }

  @Create
  public synchronized MethodOutcome create(@ResourceParam ServiceRequest request,
      @ConditionalUrlParam String conditionalUrl) {
    String key = request.getIdentifier().stream()
        .filter(identifier -> FhirNames.PARTNER_REQUEST_SYSTEM.equals(identifier.getSystem()))
        .map(Identifier::getValue).findFirst()
        .orElseThrow(() -> new InvalidRequestException("ServiceRequest.identifier with system "
            + FhirNames.PARTNER_REQUEST_SYSTEM + " is required"));
    if (request.getExtensionByUrl(FhirNames.SHARING_BASIS_EXTENSION) == null) {
      throw new InvalidRequestException("The sharing basis extension is required");
    }
    if (behaviour.delayThenFail()) {
      throw new UnclassifiedServerFailureException(503, "sandbox failure");
    }
    if (conditionalUrl != null) {
      String wanted = identifierIn(conditionalUrl);
      for (Map.Entry<String, ServiceRequest> entry : byId.entrySet()) {
        if (hasIdentifier(entry.getValue(), wanted)) {
          received.receive("health", key, code(request), caseIdOf(key), null, null);
          return new MethodOutcome(new IdType("ServiceRequest", entry.getKey())).setCreated(false);
        }
      }
    }
    String caseReference = request.getIdentifier().stream()
        .filter(identifier -> FhirNames.CASE_REFERENCE_SYSTEM.equals(identifier.getSystem()))
        .map(Identifier::getValue).findFirst().orElse(null);
    ReceivedRequests.Receipt receipt = received.receive("health", key, code(request), caseIdOf(key), caseReference,
        fhir.newJsonParser().setPrettyPrint(true).encodeResourceToString(request));
    String id = receipt.request().partnerReference();
    request.setId(new IdType("ServiceRequest", id, "1"));
    byId.put(id, request);
    if (receipt.created()) {
      replies.replyLater(receipt.request());
    }
    return new MethodOutcome(new IdType("ServiceRequest", id, "1")).setCreated(true).setResource(request);
  }

  @Read
  public synchronized ServiceRequest read(@IdParam IdType id) {
    ServiceRequest request = byId.get(id.getIdPart());
    if (request == null) {
      throw new ResourceNotFoundException(id);
    }
    return request;
  }

  @Search
  public synchronized List<ServiceRequest> search(
      @OptionalParam(name = ServiceRequest.SP_IDENTIFIER) TokenParam identifier) {
    List<ServiceRequest> found = new ArrayList<>();
    for (ServiceRequest request : byId.values()) {
      if (identifier == null || hasIdentifier(request,
          (identifier.getSystem() == null ? "" : identifier.getSystem()) + "|" + identifier.getValue())) {
        found.add(request);
      }
    }
    return found;
  }

  private static String code(ServiceRequest request) {
    return request.getCode().getCoding().stream().map(coding -> coding.getCode()).findFirst().orElse("UNKNOWN");
  }

  private static String caseIdOf(String idempotencyKey) {
    int colon = idempotencyKey.indexOf(':');
    return colon < 0 ? null : idempotencyKey.substring(0, colon);
  }

  /** "system|value" from {@code ServiceRequest?identifier=system|value}. */
  private static String identifierIn(String conditionalUrl) {
    String query = conditionalUrl.substring(conditionalUrl.indexOf('?') + 1);
    for (String parameter : query.split("&")) {
      String[] nameAndValue = parameter.split("=", 2);
      if (nameAndValue.length == 2 && nameAndValue[0].equals("identifier")) {
        return URLDecoder.decode(nameAndValue[1], StandardCharsets.UTF_8);
      }
    }
    throw new InvalidRequestException("Conditional create must match on identifier: " + conditionalUrl);
  }

  private static boolean hasIdentifier(ServiceRequest request, String systemAndValue) {
    return request.getIdentifier().stream()
        .anyMatch(identifier -> systemAndValue.equals(identifier.getSystem() + "|" + identifier.getValue())
            || (systemAndValue.startsWith("|") && systemAndValue.substring(1).equals(identifier.getValue())));
  }
}

package org.partnershippathways.sandbox;

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
import java.util.function.Function;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.partnershippathways.partners.health.FhirNames;

/**
 * The NHS partner's endpoint and store of one resource type ({@code /fhir/ServiceRequest}, {@code /fhir/Communication},
 * {@code /fhir/Consent}): create (and conditional create on the identifier, so a repeat finds the first), read and
 * search by identifier. Requires our partner-request identifier and a sharing basis.
 */
class FhirRequestStore<T extends DomainResource> implements IResourceProvider {

  private final Class<T> type;
  private final String resourceType;
  private final Function<T, List<Identifier>> identifiers;
  private final Function<T, String> requestType;
  private final FhirContext fhir;
  private final ReceivedRequests received;
  private final PartnerReplies replies;
  private final PartnerBehaviour behaviour;
  private final Map<String, T> byId = new LinkedHashMap<>();

  FhirRequestStore(Class<T> type, Function<T, List<Identifier>> identifiers, Function<T, String> requestType,
      FhirContext fhir, ReceivedRequests received, PartnerReplies replies, PartnerBehaviour behaviour) {
    this.type = type;
    this.resourceType = type.getSimpleName();
    this.identifiers = identifiers;
    this.requestType = requestType;
    this.fhir = fhir;
    this.received = received;
    this.replies = replies;
    this.behaviour = behaviour;
  }

  @Override
  public Class<T> getResourceType() {
    return type;
  }

  @Create
  public synchronized MethodOutcome create(@ResourceParam T resource, @ConditionalUrlParam String conditionalUrl) {
    String key = identifier(resource, FhirNames.PARTNER_REQUEST_SYSTEM)
        .orElseThrow(() -> new InvalidRequestException(resourceType + ".identifier with system "
            + FhirNames.PARTNER_REQUEST_SYSTEM + " is required"));
    if (resource.getExtensionByUrl(FhirNames.SHARING_BASIS_EXTENSION) == null) {
      throw new InvalidRequestException("The sharing basis extension is required");
    }
    if (behaviour.delayThenFail()) {
      throw new UnclassifiedServerFailureException(503, "sandbox failure");
    }
    if (conditionalUrl != null) {
      String wanted = identifierIn(conditionalUrl);
      for (Map.Entry<String, T> entry : byId.entrySet()) {
        if (hasIdentifier(entry.getValue(), wanted)) {
          replies.replyLater(received.receive("health", key, requestType.apply(resource), caseIdOf(key), null, null)
              .request());
          return new MethodOutcome(new IdType(resourceType, entry.getKey())).setCreated(false);
        }
      }
    }
    ReceivedRequests.Receipt receipt = received.receive("health", key, requestType.apply(resource), caseIdOf(key),
        identifier(resource, FhirNames.CASE_REFERENCE_SYSTEM).orElse(null),
        fhir.newJsonParser().setPrettyPrint(true).encodeResourceToString(resource));
    String id = receipt.request().partnerReference();
    resource.setId(new IdType(resourceType, id, "1"));
    byId.put(id, resource);
    replies.replyLater(receipt.request());
    return new MethodOutcome(new IdType(resourceType, id, "1")).setCreated(true).setResource(resource);
  }

  @Read
  public synchronized T read(@IdParam IdType id) {
    T resource = byId.get(id.getIdPart());
    if (resource == null) {
      throw new ResourceNotFoundException(id);
    }
    return resource;
  }

  @Search
  public synchronized List<T> search(@OptionalParam(name = "identifier") TokenParam identifier) {
    List<T> found = new ArrayList<>();
    for (T resource : byId.values()) {
      if (identifier == null || hasIdentifier(resource,
          (identifier.getSystem() == null ? "" : identifier.getSystem()) + "|" + identifier.getValue())) {
        found.add(resource);
      }
    }
    return found;
  }

  private java.util.Optional<String> identifier(T resource, String system) {
    return identifiers.apply(resource).stream().filter(identifier -> system.equals(identifier.getSystem()))
        .map(Identifier::getValue).findFirst();
  }

  private static String caseIdOf(String idempotencyKey) {
    int colon = idempotencyKey.indexOf(':');
    return colon < 0 ? null : idempotencyKey.substring(0, colon);
  }

  /** "system|value" from {@code Type?identifier=system|value}. */
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

  private boolean hasIdentifier(T resource, String systemAndValue) {
    return identifiers.apply(resource).stream()
        .anyMatch(identifier -> systemAndValue.equals(identifier.getSystem() + "|" + identifier.getValue())
            || (systemAndValue.startsWith("|") && systemAndValue.substring(1).equals(identifier.getValue())));
  }
}

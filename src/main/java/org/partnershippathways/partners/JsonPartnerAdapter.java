package org.partnershippathways.partners;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.partnershippathways.consent.SharingPermission;
import org.partnershippathways.security.Agency;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * An agency system with a JSON API: POST of the request to a path per request type, with the idempotency key in
 * the {@code Idempotency-Key} header (and in the body as {@code requestId}). The partner answers 2xx with
 * {@code {"reference": "..."}}, and may echo the SHA-256 of the body it received in {@code Payload-Digest}.
 */
public abstract class JsonPartnerAdapter implements PartnerAdapter {

  public static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Agency agency;
  private final PartnersProperties.Endpoint endpoint;
  private final RestClient client;
  private final PartnerCredentials credentials;

  protected JsonPartnerAdapter(Agency agency, PartnersProperties.Endpoint endpoint, RestClient.Builder builder,
      Clock clock) {
    this.agency = agency;
    this.endpoint = endpoint;
    this.client = builder.clone().requestFactory(requestFactory(endpoint)).build();
    this.credentials = new PartnerCredentials(endpoint.auth(), client, clock);
  }

  public static JdkClientHttpRequestFactory requestFactory(PartnersProperties.Endpoint endpoint) {
    JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(endpoint.connectTimeout()).build());
    factory.setReadTimeout(endpoint.readTimeout());
    return factory;
  }

  /** The path (below the base URL) that takes this type of request. */
  protected abstract String path(PartnerRequestType type);

  @Override
  public Agency agency() {
    return agency;
  }

  @Override
  public byte[] payload(OutboundRequest request) {
    try {
      return JSON.writeValueAsBytes(body(request));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("The request body of " + request.idempotencyKey() + " cannot be written", e);
    }
  }

  @Override
  public PartnerReceipt send(OutboundRequest request, byte[] payload) {
    if (!endpoint.configured()) {
      throw PartnerFaults.notConfigured(agency);
    }
    try {
      ResponseEntity<Map> response = client.post()
          .uri(endpoint.baseUrl().replaceAll("/+$", "") + path(request.request().type()))
          .contentType(MediaType.APPLICATION_JSON)
          .accept(MediaType.APPLICATION_JSON)
          .headers(headers -> {
            headers.set(IDEMPOTENCY_KEY_HEADER, request.idempotencyKey());
            headers.set(PAYLOAD_DIGEST_HEADER, PayloadDigest.of(payload));
            credentials.apply(headers::set);
          })
          .body(payload)
          .retrieve()
          .toEntity(Map.class);
      return new PartnerReceipt(reference(response, request), null,
          response.getHeaders().getFirst(PAYLOAD_DIGEST_HEADER));
    } catch (RestClientResponseException e) {
      throw PartnerFaults.answered(agency, request.request().type(), e.getStatusCode().value(), shortBody(e), e);
    } catch (ResourceAccessException e) {
      throw PartnerFaults.unreachable(agency, e);
    } catch (RestClientException e) {
      throw new PartnerUnavailableException(agency.displayName() + " answered unreadably: " + e.getMessage(), e);
    }
  }

  private static String shortBody(RestClientResponseException e) {
    String body = e.getResponseBodyAsString();
    return body.length() > 500 ? body.substring(0, 500) : body;
  }

  private static String reference(ResponseEntity<Map> response, OutboundRequest request) {
    Object reference = response.getBody() == null ? null : response.getBody().get("reference");
    if (reference != null) {
      return reference.toString();
    }
    if (response.getHeaders().getLocation() != null) {
      return response.getHeaders().getLocation().toString();
    }
    return request.idempotencyKey();
  }

  /** The JSON body: the request, its basis and the minimum dataset (fields not in the dataset are left out). */
  protected Map<String, Object> body(OutboundRequest outbound) {
    PartnerRequest request = outbound.request();
    PartnerDataset data = outbound.dataset();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("requestId", outbound.idempotencyKey());
    body.put("requestType", request.type().name());
    body.put("caseId", request.caseId());
    put(body, "caseReference", data.caseReference());
    put(body, "purpose", request.purpose());
    put(body, "requestedBy", request.requestedBy());
    body.put("basis", basis(outbound.permission()));
    Map<String, Object> person = new LinkedHashMap<>();
    put(person, "givenName", data.givenName());
    put(person, "familyName", data.familyName());
    put(person, "dateOfBirth", data.dateOfBirth() == null ? null : data.dateOfBirth().toString());
    put(person, "nhsNumber", data.nhsNumber());
    put(person, "address", data.address());
    put(person, "child", data.child());
    if (!person.isEmpty()) {
      body.put("person", person);
    }
    Map<String, Object> concern = new LinkedHashMap<>();
    if (data.has(DatasetField.CONCERN_CATEGORIES)) {
      concern.put("categories", data.concernCategories());
    }
    put(concern, "riskRating", data.riskRating());
    put(concern, "description", data.concernDescription());
    if (!concern.isEmpty()) {
      body.put("concern", concern);
    }
    Map<String, Object> referrer = new LinkedHashMap<>();
    put(referrer, "name", data.referrerName());
    put(referrer, "agency", data.referrerAgency());
    put(referrer, "contact", data.referrerContact());
    if (!referrer.isEmpty()) {
      body.put("referrer", referrer);
    }
    put(body, "outcome", data.outcome());
    return body;
  }

  private static Map<String, Object> basis(SharingPermission permission) {
    Map<String, Object> basis = new LinkedHashMap<>();
    if (permission == null) {
      basis.put("basis", "NONE");
      return basis;
    }
    basis.put("basis", permission.basis().name());
    put(basis, "decisionId", permission.decisionId());
    put(basis, "legalGround", permission.legalGround());
    put(basis, "scope", permission.scope() == null ? null : permission.scope().name());
    return basis;
  }

  private static void put(Map<String, Object> map, String key, Object value) {
    if (value != null) {
      map.put(key, value);
    }
  }
}

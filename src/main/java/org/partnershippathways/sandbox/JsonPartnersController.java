package org.partnershippathways.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The police, social care and voluntary-sector systems: they take JSON requests with an {@code Idempotency-Key},
 * answer 201 with their reference the first time and 200 with the same reference for a repeat.
 */
@RestController
record JsonPartnersController(ReceivedRequests received, PartnerReplies replies, PartnerBehaviour behaviour,
    ObjectMapper json) {

  private static final Map<String, Set<String>> PATHS = Map.of(
      "police", Set.of("records-checks", "notifications"),
      "social-care", Set.of("referrals", "safeguarding-referrals", "notifications"),
      "voluntary", Set.of("service-referrals", "notifications"));

  @PostMapping("/{agency}/{kind}")
  ResponseEntity<Map<String, Object>> receive(@PathVariable String agency, @PathVariable String kind,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      @RequestBody JsonNode body) throws Exception {
    if (!PATHS.getOrDefault(agency, Set.of()).contains(kind)) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "no such endpoint"));
    }
    if (idempotencyKey == null || idempotencyKey.isBlank()) {
      return ResponseEntity.badRequest().body(Map.of("error", "Idempotency-Key header is required"));
    }
    if (!body.hasNonNull("requestType") || !body.hasNonNull("basis")) {
      return ResponseEntity.badRequest().body(Map.of("error", "requestType and basis are required"));
    }
    if (behaviour.delayThenFail()) {
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Map.of("error", "sandbox failure"));
    }
    ReceivedRequests.Receipt receipt = received.receive(agency, idempotencyKey, body.get("requestType").asText(),
        body.path("caseId").asText(null), body.path("caseReference").asText(null),
        json.writerWithDefaultPrettyPrinter().writeValueAsString(body));
    replies.replyLater(receipt.request());
    return ResponseEntity.status(receipt.created() ? HttpStatus.CREATED : HttpStatus.OK)
        .body(Map.of("reference", receipt.request().partnerReference()));
  }
}

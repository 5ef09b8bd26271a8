package org.partnershippathways.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/** What the pretend partners received, in memory, one entry per idempotency key and agency (no duplicates). */
@Component
public class ReceivedRequests {

  /** One request as a partner keeps it. */
  public record Received(String agency, String idempotencyKey, String partnerReference, String requestType,
      String caseId, String caseReference, Instant receivedAt, int timesReceived, String body) {
  }

  /** The outcome of receiving: the stored request, and whether it was new. */
  public record Receipt(Received request, boolean created) {
  }

  private final Map<String, Received> byAgencyAndKey = new LinkedHashMap<>();
  private final AtomicInteger sequence = new AtomicInteger();

  public synchronized Receipt receive(String agency, String idempotencyKey, String requestType, String caseId,
      String caseReference, String body) {
    String mapKey = agency + "|" + idempotencyKey;
    Received existing = byAgencyAndKey.get(mapKey);
    if (existing != null) {
      Received again = new Received(existing.agency(), existing.idempotencyKey(), existing.partnerReference(),
          existing.requestType(), existing.caseId(), existing.caseReference(), existing.receivedAt(),
          existing.timesReceived() + 1, existing.body());
      byAgencyAndKey.put(mapKey, again);
      return new Receipt(again, false);
    }
    Received received = new Received(agency, idempotencyKey,
        agency.toUpperCase().replace("-", "") + "-" + String.format("%06d", sequence.incrementAndGet()),
        requestType, caseId, caseReference, Instant.now(), 1, body);
    byAgencyAndKey.put(mapKey, received);
    return new Receipt(received, true);
  }

  public synchronized List<Received> all() {
    return new ArrayList<>(byAgencyAndKey.values());
  }

  public synchronized List<Received> of(String agency) {
    return byAgencyAndKey.values().stream().filter(received -> received.agency().equals(agency)).toList();
  }

  public synchronized java.util.Optional<Received> byReference(String agency, String partnerReference) {
    return byAgencyAndKey.values().stream()
        .filter(r -> r.agency().equals(agency) && r.partnerReference().equals(partnerReference)).findFirst();
  }
}

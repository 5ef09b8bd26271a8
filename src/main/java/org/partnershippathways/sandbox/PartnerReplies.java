package org.partnershippathways.sandbox;

import jakarta.annotation.PreDestroy;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The partners' answers to information requests, sent after {@code pathways.sandbox.latency} to
 * {@code POST {engine}/api/cases/{caseId}/partner-responses} with the agency's key ({@code X-API-Key}).
 */
@Component
class PartnerReplies {

  private static final Logger LOG = LoggerFactory.getLogger(PartnerReplies.class);
  private static final int MAX_ATTEMPTS = 8;

  private final SandboxProperties properties;
  private final RestClient client = RestClient.create();
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "partner-sandbox-replies");
    thread.setDaemon(true);
    return thread;
  });

  /** Requests answered, or whose reply is on its way: a repeated request is answered again only if neither. */
  private final Set<String> answeredOrPending = ConcurrentHashMap.newKeySet();

  PartnerReplies(SandboxProperties properties) {
    this.properties = properties;
  }

  /**
   * Schedules the reply to an information request, unless it was answered already or its reply is on its way. A
   * request the engine sends again after a failed attempt (the partner received it, the engine saw the connection
   * fail) is answered again when the first reply was given up: the engine was not waiting for it then.
   */
  void replyLater(ReceivedRequests.Received request) {
    if (!properties.replies() || !"INFORMATION_REQUEST".equals(request.requestType()) || request.caseId() == null
        || !answeredOrPending.add(request.agency() + "|" + request.idempotencyKey())) {
      return;
    }
    scheduler.schedule(() -> reply(request, 1), properties.latency().toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * A reply can overtake the engine: the request is sent from inside the engine's transaction, so with no latency
   * the engine may not wait for the reply yet (409) or be busy with the same case. Such replies are sent again.
   */
  private void reply(ReceivedRequests.Received request, int attempt) {
    boolean holdsInformation = Math.abs(request.caseId().hashCode()) % 2 == 0;
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("agency", request.agency());
    body.put("summary", holdsInformation
        ? "Sandbox " + request.agency() + ": two contacts in the last year, details with the named officer."
        : "Sandbox " + request.agency() + ": no records found for this person.");
    body.put("holdsInformation", holdsInformation);
    body.put("respondedBy", "Sandbox " + request.agency() + " records team");
    body.put("partnerReference", request.partnerReference());
    String key = properties.keys().get(request.agency());
    if (key == null || key.isBlank()) {
      LOG.warn("Sandbox {} has no key (PATHWAYS_SANDBOX_{}_KEY) and cannot reply to {}", request.agency(),
          request.agency().toUpperCase().replace('-', '_'), request.idempotencyKey());
      return;
    }
    try {
      client.post().uri(properties.engineUrl() + "/api/cases/{caseId}/partner-responses", request.caseId())
          .header("X-API-Key", key)
          .contentType(MediaType.APPLICATION_JSON)
          .body(body)
          .retrieve()
          .toBodilessEntity();
      LOG.info("Sandbox {} replied to {} ({})", request.agency(), request.idempotencyKey(), request.caseReference());
    } catch (HttpClientErrorException.Conflict | ResourceAccessException e) {
      if (attempt < MAX_ATTEMPTS) {
        scheduler.schedule(() -> reply(request, attempt + 1), 100L << (attempt - 1), TimeUnit.MILLISECONDS);
      } else {
        answeredOrPending.remove(request.agency() + "|" + request.idempotencyKey());
        LOG.warn("Sandbox {} gave up replying to {}: {}", request.agency(), request.idempotencyKey(), e.getMessage());
      }
    } catch (RestClientException e) {
      LOG.warn("Sandbox {} could not reply to {}: {}", request.agency(), request.idempotencyKey(), e.getMessage());
    }
  }

  @PreDestroy
  void stop() {
    scheduler.shutdownNow();
  }
}

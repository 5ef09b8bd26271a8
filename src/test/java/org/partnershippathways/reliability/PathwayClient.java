package org.partnershippathways.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the people of the pathway use: our API and the engine's REST API over HTTP, signed in with HTTP Basic, on
 * either node, as behind a load balancer. A node that does not answer (refused, reset, timed out) or answers 502,
 * 503 or 504 is left for the other one, as a load balancer does; when neither answers, the request waits and is
 * tried again. Any other answer goes back to the caller.
 */
final class PathwayClient {

  /** An answer: its status and body ({@code null} when empty or not JSON). */
  record Answer(int status, JsonNode body) {
    boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(3)).build();
  private final List<String> nodes;
  private final String password;
  private final Duration patience;
  private final AtomicInteger next = new AtomicInteger();
  /** Requests sent again to the other node, or again later, because a node did not answer. */
  private final AtomicLong failovers = new AtomicLong();

  PathwayClient(List<String> nodeUrls, String password, Duration patience) {
    this.nodes = List.copyOf(nodeUrls);
    this.password = password;
    this.patience = patience;
  }

  long failovers() {
    return failovers.get();
  }

  Answer get(String user, String path) {
    return send(user, "GET", path, null, Map.of());
  }

  Answer post(String user, String path, Object body) {
    return send(user, "POST", path, body, Map.of());
  }

  Answer send(String user, String method, String path, Object body, Map<String, String> headers) {
    byte[] content;
    try {
      content = body == null ? new byte[0] : JSON.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
    long deadline = System.nanoTime() + patience.toNanos();
    int first = Math.floorMod(next.getAndIncrement(), nodes.size());
    String lastProblem = "";
    while (true) {
      for (int i = 0; i < nodes.size(); i++) {
        String node = nodes.get((first + i) % nodes.size());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node + path))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                (user + ":" + password).getBytes(StandardCharsets.UTF_8)))
            .header("Accept", "application/json")
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(content));
        if (body != null) {
          request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        try {
          HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
          if (response.statusCode() == 502 || response.statusCode() == 503 || response.statusCode() == 504) {
            lastProblem = node + " answered " + response.statusCode();
          } else {
            return new Answer(response.statusCode(), parse(response.body()));
          }
        } catch (IOException notAnswering) {
          lastProblem = node + ": " + notAnswering;
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted", interrupted);
        }
        failovers.incrementAndGet();
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("no node answered " + method + " " + path + " within " + patience + " ("
            + lastProblem + ")");
      }
      sleep(Duration.ofSeconds(1));
    }
  }

  private static JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      return JSON.readTree(body);
    } catch (IOException notJson) {
      return null;
    }
  }

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", interrupted);
    }
  }
}

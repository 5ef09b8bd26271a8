package org.partnershippathways.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * (c) What Tasklist asks the engine when an agency practitioner opens the "My agency's tasks" filter: the first
 * page of 15 tasks, newest first, with the case variables of the filter's columns (HAL), and the filter's count.
 * Both calls go through the engine REST API as that user, so authorization checks are included.
 */
final class TaskQueryMeasurement {

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final ObjectMapper json = new ObjectMapper();
  private final String baseUrl;
  private final String authorization;

  TaskQueryMeasurement(String baseUrl, String user, String password) {
    this.baseUrl = baseUrl;
    this.authorization = "Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  String filterId(String filterName) throws Exception {
    HttpResponse<String> response = get("/engine-rest/filter?resourceType=Task&name="
        + java.net.URLEncoder.encode(filterName, StandardCharsets.UTF_8));
    com.fasterxml.jackson.databind.JsonNode filters = json.readTree(response.body());
    if (response.statusCode() != 200 || filters.size() != 1) {
      throw new IllegalStateException("filter '" + filterName + "' not found: " + response.statusCode() + " "
          + response.body());
    }
    return filters.get(0).path("id").asText();
  }

  /**
   * Opens the filter {@code repetitions} times after {@code warmUp} unmeasured openings, or fewer when
   * {@code budget} runs out (a slow query must not keep the benchmark running for hours).
   */
  LatencySample measure(String filterId, int warmUp, int repetitions, Duration budget) throws Exception {
    long deadline = System.nanoTime() + budget.toNanos();
    for (int i = 0; i < warmUp && System.nanoTime() < deadline; i++) {
      openFilter(filterId);
    }
    long[] nanos = new long[repetitions];
    int done = 0;
    while (done < repetitions && (done == 0 || System.nanoTime() < deadline)) {
      long started = System.nanoTime();
      openFilter(filterId);
      nanos[done++] = System.nanoTime() - started;
    }
    return LatencySample.ofNanos(java.util.Arrays.copyOf(nanos, done));
  }

  long count(String filterId) throws Exception {
    return json.readTree(post("/engine-rest/filter/" + filterId + "/count", "{}", "application/json").body())
        .path("count").asLong();
  }

  private void openFilter(String filterId) throws Exception {
    String sorting = "{\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}";
    HttpResponse<String> page = post("/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=15",
        sorting, "application/hal+json");
    if (page.statusCode() != 200) {
      throw new IllegalStateException("filter list answered " + page.statusCode() + ": " + page.body());
    }
    count(filterId);
  }

  private HttpResponse<String> get(String path) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", authorization)
        .header("Accept", "application/json").build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String body, String accept) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", authorization)
        .header("Content-Type", "application/json").header("Accept", accept)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}

package org.partnershippathways.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

/**
 * (c) What Tasklist asks the engine when an agency practitioner opens the "My agency's tasks" filter: the first
 * page of 15 tasks, newest first, with the case variables of the filter's columns (HAL), and the filter's count.
 * Both calls go, as Tasklist's own, through the webapps' engine API in a signed-in Tasklist session
 * ({@link WebappSession}), so the engine's authorization checks are included and no password is checked per request.
 */
final class TaskQueryMeasurement {

  private static final String ENGINE_API = WebappSession.ENGINE_API;

  private final ObjectMapper json = new ObjectMapper();
  private final WebappSession session;

  TaskQueryMeasurement(String baseUrl, String user, String password) throws Exception {
    this.session = new WebappSession(baseUrl, "tasklist", user, password);
  }

  String filterId(String filterName) throws Exception {
    HttpResponse<String> response = get(ENGINE_API + "/filter?resourceType=Task&name="
        + URLEncoder.encode(filterName, StandardCharsets.UTF_8));
    JsonNode filters = json.readTree(response.body());
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
    return LatencySample.ofNanos(Arrays.copyOf(nanos, done));
  }

  /**
   * {@code warmUp} unmeasured openings, then {@code rounds} rounds of {@code openings} each; each round stops early
   * (after at least one opening) when its share of {@code budget} runs out.
   */
  java.util.List<LatencySample> measureRounds(String filterId, int warmUp, int rounds, int openings, Duration budget)
      throws Exception {
    Duration perRound = budget.dividedBy(rounds + 1);
    measure(filterId, warmUp, 0, perRound);
    java.util.List<LatencySample> samples = new java.util.ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      samples.add(measure(filterId, 0, openings, perRound));
    }
    return samples;
  }

  long count(String filterId) throws Exception {
    HttpResponse<String> count = post(ENGINE_API + "/filter/" + filterId + "/count", "{}", "application/json");
    if (count.statusCode() != 200) {
      throw new IllegalStateException("filter count answered " + count.statusCode() + ": " + count.body());
    }
    return json.readTree(count.body()).path("count").asLong();
  }

  private void openFilter(String filterId) throws Exception {
    String sorting = "{\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}";
    HttpResponse<String> page = post(ENGINE_API + "/filter/" + filterId + "/list?firstResult=0&maxResults=15",
        sorting, "application/hal+json");
    if (page.statusCode() != 200) {
      throw new IllegalStateException("filter list answered " + page.statusCode() + ": " + page.body());
    }
    count(filterId);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return session.get(path, "application/json");
  }

  private HttpResponse<String> post(String path, String body, String accept) throws Exception {
    return session.post(path, body, accept);
  }
}

package org.partnershippathways.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;

/**
 * (d) What a manager's timings page asks: {@code GET /api/timings} over the whole generated period, as a
 * member of {@code managers}, through HTTP Basic like the Cockpit plugin and any other client.
 */
final class TimingsMeasurement {

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final String baseUrl;
  private final String authorization;

  TimingsMeasurement(String baseUrl, String user, String password) {
    this.baseUrl = baseUrl;
    this.authorization = "Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  static String path(LocalDate today, int weeks) {
    return "/api/timings?from=" + today.minusWeeks(weeks).plusDays(1) + "&to=" + today;
  }

  /** The body of one call (to check that it holds figures). */
  String get(String path) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", authorization)
        .header("Accept", "application/json").build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }

  /** {@code warmUp} unmeasured calls, then {@code rounds} rounds of {@code repetitions} calls. */
  java.util.List<LatencySample> measureRounds(String path, int warmUp, int rounds, int repetitions)
      throws Exception {
    java.util.List<LatencySample> samples = new java.util.ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      samples.add(measure(path, round == 0 ? warmUp : 0, repetitions));
    }
    return samples;
  }

  LatencySample measure(String path, int warmUp, int repetitions) throws Exception {
    for (int i = 0; i < warmUp; i++) {
      get(path);
    }
    long[] nanos = new long[repetitions];
    for (int i = 0; i < repetitions; i++) {
      long started = System.nanoTime();
      get(path);
      nanos[i] = System.nanoTime() - started;
    }
    return LatencySample.ofNanos(nanos);
  }
}

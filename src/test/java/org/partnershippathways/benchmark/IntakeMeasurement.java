package org.partnershippathways.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.partnershippathways.intake.ConcernApiIT;

/**
 * Intake under load: {@code clients} clients each post concerns about new people to {@code POST /api/concerns}, one
 * after another, for a while, as referrers' systems would; every concern opens a case and starts its pathway. Gives
 * the concerns per second and the latencies of the accepted ones; a refused or failed request is counted apart.
 */
final class IntakeMeasurement {

  /** One run: how many clients, for how long, what came back, and how busy the machine's processors were. */
  record Run(int clients, double seconds, int accepted, int failed, LatencySample latency, double cpuBusyShare) {

    double perSecond() {
      return accepted / seconds;
    }

    /** Processor time of the whole machine (application, database, clients) per accepted concern. */
    double cpuMillisPerConcern() {
      return cpuBusyShare * MachineLoad.processors() * seconds * 1000 / accepted;
    }
  }

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();
  private final String url;
  private final String authorization;

  IntakeMeasurement(String baseUrl, String user, String password) {
    this.url = baseUrl + "/api/concerns";
    this.authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
  }

  Run run(int clients, Duration duration, String runName) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(clients);
    AtomicInteger failed = new AtomicInteger();
    long started = System.nanoTime();
    long deadline = started + duration.toNanos();
    try (MachineLoad load = MachineLoad.startSampling()) {
      List<Future<List<Long>>> perClient = new ArrayList<>();
      for (int client = 0; client < clients; client++) {
        perClient.add(threads.submit(() -> postUntil(deadline, runName, failed)));
      }
      List<Long> nanos = new ArrayList<>();
      for (Future<List<Long>> client : perClient) {
        nanos.addAll(client.get());
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      return new Run(clients, seconds, nanos.size(), failed.get(),
          LatencySample.ofNanos(nanos.stream().mapToLong(Long::longValue).toArray()), load.busyShare());
    } finally {
      threads.shutdownNow();
    }
  }

  private List<Long> postUntil(long deadline, String runName, AtomicInteger failed) throws Exception {
    List<Long> nanos = new ArrayList<>();
    while (System.nanoTime() < deadline) {
      String body = ConcernApiIT.concern("Bench-" + runName + "-" + UUID.randomUUID().toString().substring(0, 12),
          ConcernApiIT.nhsNumber(), "Seen with older men late at night");
      HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
          .header("Authorization", authorization).header("Content-Type", "application/json")
          .header("Idempotency-Key", UUID.randomUUID().toString())
          .POST(HttpRequest.BodyPublishers.ofString(body)).build();
      long sent = System.nanoTime();
      HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
      if (response.statusCode() == 201) {
        nanos.add(System.nanoTime() - sent);
      } else {
        failed.incrementAndGet();
      }
    }
    return nanos;
  }
}

package org.partnershippathways.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * (e) How long the packaged application takes from {@code java -jar} to a health endpoint reporting UP, and the
 * heap it uses then (as reported, and after a full GC, which is what it really keeps).
 */
final class StartupMeasurement {

  record Result(double secondsToHealthUp, double heapUsedMb, double heapUsedAfterGcMb) {
  }

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
  private final ObjectMapper json = new ObjectMapper();
  /** The measured application's administrator, who may read its metrics. */
  private final String adminPassword = UUID.randomUUID().toString();

  Result measure(BenchmarkSettings settings, Path logFile, int port) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(javaExecutable(), "-jar", settings.jarPath(),
        "--spring.profiles.active=postgres", "--server.port=" + port)
        .redirectErrorStream(true)
        .redirectOutput(logFile.toFile());
    builder.environment().put("PATHWAYS_DB_URL", settings.databaseUrl());
    builder.environment().put("PATHWAYS_DB_USER", settings.databaseUser());
    builder.environment().put("PATHWAYS_ADMIN_PASSWORD", adminPassword);
    builder.environment().put("PATHWAYS_DEMO", "false");
    long started = System.nanoTime();
    Process application = builder.start();
    try {
      waitForHealthUp(port, application);
      double seconds = (System.nanoTime() - started) / 1e9;
      double heap = heapUsedMb(port);
      new ProcessBuilder(jcmd(), Long.toString(application.pid()), "GC.run").redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(30, TimeUnit.SECONDS);
      double heapAfterGc = heapUsedMb(port);
      return new Result(seconds, heap, heapAfterGc);
    } finally {
      application.destroy();
      if (!application.waitFor(30, TimeUnit.SECONDS)) {
        application.destroyForcibly();
      }
    }
  }

  private void waitForHealthUp(int port, Process application) throws Exception {
    URI health = URI.create("http://localhost:" + port + "/actuator/health");
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (System.nanoTime() < deadline) {
      if (!application.isAlive()) {
        throw new IllegalStateException("the application stopped during start; see its log");
      }
      try {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(health).build(),
            HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200 && json.readTree(response.body()).path("status").asText().equals("UP")) {
          return;
        }
      } catch (IOException notListeningYet) {
        // the web server is not up yet
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("health not UP within 3 minutes");
  }

  private double heapUsedMb(int port) throws Exception {
    URI metric = URI.create("http://localhost:" + port + "/actuator/metrics/jvm.memory.used?tag=area:heap");
    String admin = java.util.Base64.getEncoder().encodeToString(("admin:" + adminPassword).getBytes());
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(metric).header("Authorization", "Basic " + admin)
        .build(),
        HttpResponse.BodyHandlers.ofString());
    JsonNode body = json.readTree(response.body());
    return body.path("measurements").get(0).path("value").asDouble() / (1024 * 1024);
  }

  private static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static String jcmd() {
    File jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toFile();
    return jcmd.exists() ? jcmd.getPath() : "jcmd";
  }
}

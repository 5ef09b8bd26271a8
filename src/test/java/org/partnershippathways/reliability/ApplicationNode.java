package org.partnershippathways.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One node of the application: the packaged jar ({@code java -jar}) in a process of its own, configured from the
 * environment as an operator would (profile {@code postgres}). It can be killed as the operating system kills a
 * process ({@code kill -9}: no shutdown hook, no connection closed, jobs left locked) and started again.
 */
final class ApplicationNode implements AutoCloseable {

  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(2)).build();

  private final String name;
  private final int port;
  private final String jar;
  private final Map<String, String> environment;
  private final List<String> arguments;
  private final Path log;
  private Process process;

  ApplicationNode(String name, int port, String jar, Map<String, String> environment, List<String> arguments,
      Path log) {
    this.name = name;
    this.port = port;
    this.jar = jar;
    this.environment = environment;
    this.arguments = arguments;
    this.log = log;
  }

  String name() {
    return name;
  }

  String baseUrl() {
    return "http://localhost:" + port;
  }

  /** Starts the node; returns once its health answers UP. */
  void start() throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin",
        "java").toString(), "-Xmx768m", "-jar", jar, "--spring.profiles.active=postgres", "--server.port=" + port));
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(environment);
    process = builder.start();
    awaitHealthUp(Duration.ofMinutes(5));
  }

  /** {@code kill -9}: the process ends at once, whatever it was doing. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  boolean isAlive() {
    return process != null && process.isAlive();
  }

  /** Whether the node answers its health endpoint with UP (database and job executor included). */
  boolean healthUp() {
    try {
      HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
          .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
      // 200: UP, or WARNING (something to do soon); a database or job executor that is down answers 503
      return response.statusCode() == 200;
    } catch (IOException notListening) {
      return false;
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void awaitHealthUp(Duration patience) throws InterruptedException {
    long deadline = System.nanoTime() + patience.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " stopped during start; see " + log);
      }
      if (healthUp()) {
        return;
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException(name + " not UP within " + patience + "; see " + log);
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }
}

package org.partnershippathways.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.Flow;

/**
 * Requests exactly as a careless or hostile client sends them (any body, any content type or none, chunked or not),
 * for tests of what our API refuses.
 */
public final class RawHttp {

  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
  private final int port;

  public RawHttp(int port) {
    this.port = port;
  }

  public record Answer(int status, String contentType, String body) {
  }

  /** A POST with a body of known length; {@code contentType} null sends none. */
  public Answer post(String path, String user, String password, String contentType, byte[] body) {
    return send("POST", path, user, password, contentType, HttpRequest.BodyPublishers.ofByteArray(body));
  }

  public Answer post(String path, String user, String password, String json) {
    return post(path, user, password, "application/json", json.getBytes(StandardCharsets.UTF_8));
  }

  /** A POST whose body is sent in chunks, without a declared length. */
  public Answer postChunked(String path, String user, String password, byte[] body) {
    return send("POST", path, user, password, "application/json", chunked(body));
  }

  /** A body sent in chunks, without a declared length. */
  public static HttpRequest.BodyPublisher chunked(byte[] body) {
    return new HttpRequest.BodyPublisher() {
      private final HttpRequest.BodyPublisher bytes = HttpRequest.BodyPublishers.ofByteArray(body);

      @Override
      public long contentLength() {
        return -1;
      }

      @Override
      public void subscribe(Flow.Subscriber<? super java.nio.ByteBuffer> subscriber) {
        bytes.subscribe(subscriber);
      }
    };
  }

  public Answer send(String method, String path, String user, String password, String contentType,
      HttpRequest.BodyPublisher body) {
    return send(method, path, user, password, contentType, body, Map.of());
  }

  /** Any request; a {@code body} whose length is -1 is sent in chunks. */
  public Answer send(String method, String path, String user, String password, String contentType,
      HttpRequest.BodyPublisher body, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(60)).method(method, body);
    if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    headers.forEach(request::header);
    try {
      HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
          response.body());
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + path + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Bytes written to the socket as they are, for requests no HTTP client would send. */
  public String rawExchange(String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}

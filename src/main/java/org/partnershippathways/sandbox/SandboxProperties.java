package org.partnershippathways.sandbox;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code pathways.sandbox.*}: how the pretend partners behave.
 *
 * @param engineUrl where the pathway application is, for the asynchronous replies
 * @param password password of the user {@code sandbox} for the listing of what the partners received (blank: the
 *     listing is off)
 * @param keys the key of each agency's system ({@code police}, ...), sent with its replies as {@code X-API-Key}
 * @param latency how long a partner takes to reply to an information request
 * @param responseDelay how long a partner takes to answer the HTTP request itself (to try out timeouts)
 * @param failureRate share of requests answered 503 (0 to 1), to try out retries
 * @param replies whether the partners reply at all
 */
@ConfigurationProperties("pathways.sandbox")
public record SandboxProperties(String engineUrl, String password, Map<String, String> keys, Duration latency,
    Duration responseDelay, double failureRate, Boolean replies) {

  public SandboxProperties {
    engineUrl = engineUrl == null || engineUrl.isBlank() ? "http://localhost:8080" : engineUrl.replaceAll("/+$", "");
    latency = latency == null ? Duration.ofSeconds(5) : latency;
    responseDelay = responseDelay == null ? Duration.ZERO : responseDelay;
    replies = replies == null || replies;
    keys = keys == null ? Map.of() : keys;
  }
}

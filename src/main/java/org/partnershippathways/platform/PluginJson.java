package org.partnershippathways.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/**
 * Cockpit creates its plugin resources itself (JAX-RS, outside Spring), so they reach a capability's service through
 * a holder filled when Spring starts; the holders read the requests and write the answers with the application's
 * own {@link ObjectMapper}, kept here. A body that cannot be read is a 400 saying how to send it.
 */
@Component
public class PluginJson {

  private static volatile ObjectMapper objectMapper;

  PluginJson(ObjectMapper objectMapper) {
    PluginJson.objectMapper = objectMapper;
  }

  /** A holder's service, or a refusal while the application is still starting. */
  public static <T> T started(T service) {
    if (service == null || objectMapper == null) {
      throw new IllegalStateException("The application has not started yet");
    }
    return service;
  }

  public static String write(Object value) {
    try {
      return objectMapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the answer as JSON", e);
    }
  }

  /** The body as {@code type}; null for no body. */
  public static <T> T read(String body, Class<T> type, String howToSend) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      return objectMapper.readValue(body, type);
    } catch (JsonProcessingException e) {
      throw new InvalidRequestException("request", "could not be read: " + howToSend);
    }
  }

  /** One text field of the body; null for no body, or when the field is missing or not text. */
  public static String textField(String body, String name, String howToSend) {
    JsonNode tree = read(body, JsonNode.class, howToSend);
    JsonNode value = tree == null ? null : tree.path(name);
    return value != null && value.isTextual() ? value.asText() : null;
  }
}

package org.partnershippathways.deployment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.partnershippathways.platform.InvalidRequestException;
import org.springframework.stereotype.Component;

/**
 * The Cockpit page "Pathway changes" (package {@code migration.cockpit}) previews a changed model with the same
 * service and rules as {@code /api/process-models/...}. Cockpit creates its plugin resources itself (JAX-RS, outside
 * Spring), so they reach the service through this holder, filled when Spring starts. Each method answers JSON, or
 * throws {@code ForbiddenException} (403) or {@code InvalidRequestException} (400).
 */
@Component
public class ProcessChangesForCockpit {

  private static volatile ProcessChangeRequests requests;
  private static volatile ObjectMapper objectMapper;

  ProcessChangesForCockpit(ProcessChangeRequests requests, ObjectMapper objectMapper) {
    ProcessChangesForCockpit.requests = requests;
    ProcessChangesForCockpit.objectMapper = objectMapper;
  }

  /** The body {@code {"decisionTable": "<dmn xml>"}}, as {@code POST /api/process-models/decision-impact}. */
  public static String decisionImpact(String body, String decisions) {
    return json(started().decisionImpact(field(body, "decisionTable"), decisions));
  }

  /** The body {@code {"processModel": "<bpmn xml>", "forms": {...}}}, as {@code POST .../task-load-forecast}. */
  public static String taskLoadForecast(String body, String weeks) {
    TaskLoadForecastRequest request = null;
    if (body != null && !body.isBlank()) {
      try {
        request = objectMapper.readValue(body, TaskLoadForecastRequest.class);
      } catch (JsonProcessingException e) {
        throw new InvalidRequestException("request", "could not be read: send the model's content as processModel"
            + " and any new forms as forms");
      }
    }
    return json(request == null ? started().taskLoadForecast(null, null, weeks)
        : started().taskLoadForecast(request.processModel(), request.forms(), weeks));
  }

  private static String field(String body, String name) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      JsonNode value = objectMapper.readTree(body).path(name);
      return value.isTextual() ? value.asText() : null;
    } catch (JsonProcessingException e) {
      throw new InvalidRequestException("request", "could not be read: send the file's content as " + name);
    }
  }

  private static ProcessChangeRequests started() {
    if (requests == null) {
      throw new IllegalStateException("The application has not started yet");
    }
    return requests;
  }

  private static String json(Object value) {
    try {
      return objectMapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the answer as JSON", e);
    }
  }
}

package org.partnershippathways.migration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.partnershippathways.platform.InvalidRequestException;
import org.springframework.stereotype.Component;

/**
 * The Cockpit page "Pathway changes" (package {@code migration.cockpit}) answers from the same service, with the same
 * rules, as {@code /api/pathway-changes}. Cockpit creates its plugin resources itself (JAX-RS, outside Spring), so
 * they reach the service and the application's JSON settings through this holder, filled when Spring starts. Each
 * method answers JSON, or throws {@code ForbiddenException} (403) or {@code InvalidRequestException} (400).
 */
@Component
public class PathwayChangesForCockpit {

  private static volatile PathwayMigrations migrations;
  private static volatile ObjectMapper objectMapper;

  PathwayChangesForCockpit(PathwayMigrations migrations, ObjectMapper objectMapper) {
    PathwayChangesForCockpit.migrations = migrations;
    PathwayChangesForCockpit.objectMapper = objectMapper;
  }

  /** Nothing, or 403 ({@code ForbiddenException}) for anyone but process owners and managers. */
  public static void checkAccess() {
    started().checkAccess();
  }

  public static String versions() {
    return json(started().versions());
  }

  public static String preview(String body) {
    return json(started().preview(request(body)));
  }

  public static String migrate(String body) {
    return json(started().migrate(request(body)));
  }

  public static String migrations() {
    return json(started().migrations());
  }

  private static MigrationRequest request(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      return objectMapper.readValue(body, MigrationRequest.class);
    } catch (JsonProcessingException e) {
      throw new InvalidRequestException("request", "could not be read: send process, fromVersion, toVersion,"
          + " mappings and reason as JSON");
    }
  }

  private static PathwayMigrations started() {
    if (migrations == null) {
      throw new IllegalStateException("The application has not started yet");
    }
    return migrations;
  }

  private static String json(Object value) {
    try {
      return objectMapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the answer as JSON", e);
    }
  }
}

package org.partnershippathways.migration;

import org.partnershippathways.platform.PluginJson;
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

  PathwayChangesForCockpit(PathwayMigrations migrations) {
    PathwayChangesForCockpit.migrations = migrations;
  }

  /** Nothing, or 403 ({@code ForbiddenException}) for anyone but process owners and managers. */
  public static void checkAccess() {
    started().checkAccess();
  }

  public static String versions() {
    return PluginJson.write(started().versions());
  }

  public static String preview(String body) {
    return PluginJson.write(started().preview(request(body)));
  }

  public static String migrate(String body) {
    return PluginJson.write(started().migrate(request(body)));
  }

  public static String migrations() {
    return PluginJson.write(started().migrations());
  }

  private static MigrationRequest request(String body) {
    return PluginJson.read(body, MigrationRequest.class, "send process, fromVersion, toVersion, mappings and reason as"
        + " JSON");
  }

  private static PathwayMigrations started() {
    return PluginJson.started(migrations);
  }
}

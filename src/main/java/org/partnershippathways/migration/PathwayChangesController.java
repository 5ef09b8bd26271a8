package org.partnershippathways.migration;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/pathway-changes}: process owners and managers see each pathway process's versions with their running
 * cases, preview a move of running cases to another version and start it (docs/process-change.md).
 */
@RestController
class PathwayChangesController {

  private final PathwayMigrations migrations;

  PathwayChangesController(PathwayMigrations migrations) {
    this.migrations = migrations;
  }

  @GetMapping("/api/pathway-changes/versions")
  List<PathwayVersions> versions() {
    return migrations.versions();
  }

  @PostMapping("/api/pathway-changes/preview")
  MigrationPreview preview(@RequestBody(required = false) MigrationRequest request) {
    return migrations.preview(request);
  }

  @PostMapping("/api/pathway-changes/migrations")
  @ResponseStatus(HttpStatus.ACCEPTED)
  PathwayMigrations.MigrationStarted migrate(@RequestBody(required = false) MigrationRequest request) {
    return migrations.migrate(request);
  }

  @GetMapping("/api/pathway-changes/migrations")
  List<PathwayMigrations.MigrationDone> done() {
    return migrations.migrations();
  }
}

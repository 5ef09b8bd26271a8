package org.partnershippathways.deployment;

import java.util.List;
import java.util.Map;
import org.partnershippathways.platform.ForbiddenException;
import org.partnershippathways.platform.NotFoundException;
import org.partnershippathways.security.CurrentUser;
import org.partnershippathways.security.PathwayGroups;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Process owners compare the deployed models with the repository's and download a deployed file to commit it
 * (docs/process-change.md). The engine is read as the system: the group check here is the authorization.
 */
@RestController
record DeployedModelsController(DeployedModels models, CurrentUser currentUser) {

  @GetMapping("/api/process-models")
  List<Map<String, Object>> compare() {
    requireProcessOwner();
    return currentUser.asSystem(models::compare);
  }

  @GetMapping("/api/process-models/{file}/deployed")
  ResponseEntity<byte[]> deployedFile(@PathVariable String file) {
    requireProcessOwner();
    byte[] content = currentUser.asSystem(() -> models.deployedFile(file))
        .orElseThrow(() -> new NotFoundException("No deployed model from processes/ is called " + file));
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build().toString())
        .body(content);
  }

  private void requireProcessOwner() {
    if (!currentUser.isMemberOf(PathwayGroups.PROCESS_OWNERS)) {
      throw new ForbiddenException("Only process owners may compare and download the deployed models");
    }
  }
}

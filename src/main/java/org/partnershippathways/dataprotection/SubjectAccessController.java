package org.partnershippathways.dataprotection;

import java.net.URI;
import java.util.List;
import org.partnershippathways.platform.FieldProblem;
import org.partnershippathways.platform.ForbiddenException;
import org.partnershippathways.platform.InvalidRequestException;
import org.partnershippathways.security.CurrentUser;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Subject access (UK GDPR Article 15) for coordinators and managers: everything held about a person as JSON, and as a
 * printable page; every export and every reading of one is audited with the request's reference.
 */
@RestController
record SubjectAccessController(SubjectAccessExports exports, CurrentUser currentUser) {

  @PostMapping("/api/subject-access-exports")
  ResponseEntity<SubjectAccessExport> export(@RequestBody(required = false) SubjectAccessRequest request) {
    requireCoordinatorOrManager();
    List<FieldProblem> problems = request == null
        ? List.of(new FieldProblem("body", "is required")) : request.problems();
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    SubjectAccessExport export = exports.export(request);
    return ResponseEntity.created(URI.create("/api/subject-access-exports/" + export.exportId())).body(export);
  }

  @GetMapping("/api/subject-access-exports/{exportId}")
  SubjectAccessExport again(@PathVariable String exportId) {
    requireCoordinatorOrManager();
    return exports.again(exportId, SubjectAccessExports.READ);
  }

  @GetMapping(value = "/api/subject-access-exports/{exportId}/printable", produces = MediaType.TEXT_HTML_VALUE)
  String printable(@PathVariable String exportId) {
    requireCoordinatorOrManager();
    return PrintableExport.html(exports.again(exportId, SubjectAccessExports.PRINTED));
  }

  private void requireCoordinatorOrManager() {
    if (!currentUser.isCoordinator() && !currentUser.isManager()) {
      throw new ForbiddenException("Only coordinators and managers answer subject access requests.");
    }
  }
}

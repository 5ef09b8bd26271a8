package org.partnershippathways.intake;

import org.partnershippathways.platform.ForbiddenException;
import org.partnershippathways.security.Agency;
import org.partnershippathways.security.CurrentUser;
import org.partnershippathways.security.PathwayGroups;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/concerns}: a referrer raises a concern about a person. */
@RestController
record ConcernController(ConcernIntake intake, CurrentUser currentUser) {

  @PostMapping(path = "/api/concerns", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<ConcernReceipt> raise(@RequestBody(required = false) ConcernRequest request,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
    if (!mayRaiseConcerns()) {
      throw new ForbiddenException("Only coordinators, agency practitioners and partner systems may raise concerns.");
    }
    ConcernReceipt receipt = intake.raise(request, idempotencyKey, currentUser.requireUserId(),
        currentUser.partnershipToWorkIn());
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(currentUser.isCoordinator() ? receipt : receipt.ofTheConcernOnly());
  }

  private boolean mayRaiseConcerns() {
    return currentUser.isCoordinator() || currentUser.isMemberOf(PathwayGroups.PARTNER_SYSTEMS)
        || currentUser.groups().stream().anyMatch(group -> Agency.ofGroupId(group).isPresent());
  }
}

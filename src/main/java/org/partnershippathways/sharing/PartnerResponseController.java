package org.partnershippathways.sharing;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.partnershippathways.accesslog.CaseAccessLog;
import org.partnershippathways.accesslog.WhatWasRead;
import org.partnershippathways.platform.FieldProblem;
import org.partnershippathways.platform.ForbiddenException;
import org.partnershippathways.platform.InvalidRequestException;
import org.partnershippathways.security.Agency;
import org.partnershippathways.security.CurrentUser;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replies of partner agencies to information requests, and what the coordinator's review reads. A partner system
 * or practitioner replies only for its own agency; an agency sees only its own replies; coordinators and managers
 * see everything.
 */
@RestController
@RequestMapping("/api/cases/{caseId}")
record PartnerResponseController(PartnerResponses responses, CurrentUser user, CaseAccessLog accessLog) {

  @PostMapping("/partner-responses")
  ResponseEntity<PartnerResponseView> reply(@PathVariable String caseId, @RequestBody PartnerResponseRequest reply) {
    List<FieldProblem> problems = reply == null
        ? List.of(new FieldProblem("body", "is required")) : reply.problems();
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    if (!ownAgencies().contains(reply.agency())) {
      throw new ForbiddenException("You may reply only for your own agency, not for " + reply.agency() + ".");
    }
    try {
      PartnerResponses.Received received = responses.receive(caseId, reply, user.requireUserId());
      return ResponseEntity.status(received.alreadyReceived() ? HttpStatus.OK : HttpStatus.CREATED)
          .body(received.response());
    } catch (DuplicateKeyException deliveredTwiceAtOnce) {
      return ResponseEntity.ok(responses.earlier(caseId, reply).orElseThrow(() -> deliveredTwiceAtOnce));
    }
  }

  @GetMapping("/partner-responses")
  List<PartnerResponseView> replies(@PathVariable String caseId) {
    List<PartnerResponseView> replies = responses.responses(caseId, visibleAgencies());
    if (!replies.isEmpty()) {
      accessLog.record(caseId, WhatWasRead.PARTNER_REPLIES);
    }
    return replies;
  }

  @GetMapping("/information-requests")
  List<InformationRequestView> requests(@PathVariable String caseId) {
    if (!user.isCoordinator() && !user.isManager()) {
      throw new ForbiddenException("Only coordinators and managers see the information requests of a case.");
    }
    return responses.requests(caseId);
  }

  private Set<String> visibleAgencies() {
    if (user.isCoordinator() || user.isManager()) {
      return Arrays.stream(Agency.values()).map(Agency::groupId).collect(Collectors.toSet());
    }
    Set<String> own = ownAgencies();
    if (own.isEmpty()) {
      throw new ForbiddenException("Only coordinators, managers and partner agencies see partner replies.");
    }
    return own;
  }

  private Set<String> ownAgencies() {
    return user.agencies().stream().map(Agency::groupId).collect(Collectors.toSet());
  }
}

package org.partnershippathways.meeting;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** The user who completed the task that a synchronous service task follows ("system" for the job executor). */
@Component
class EngineUser {

  private final IdentityService identityService;

  EngineUser(IdentityService identityService) {
    this.identityService = identityService;
  }

  String id() {
    Authentication authentication = identityService.getCurrentAuthentication();
    return authentication == null ? "system" : authentication.getUserId();
  }
}

package org.partnershippathways.sharing;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Runs engine calls without the caller's engine authorizations: a partner system may deliver a reply to the
 * process, which our API has already checked, but holds no permission on process instances itself.
 */
@Component
class EngineAsSystem {

  private final IdentityService identity;

  EngineAsSystem(IdentityService identity) {
    this.identity = identity;
  }

  <T> T call(Supplier<T> work) {
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return work.get();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }
}

package org.partnershippathways.actions;

import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * What the actions API asks of the running {@code action-tracking} instances. The API checks the caller's
 * groups itself (coordinators and managers), so the engine call runs without the caller's engine
 * authorizations, which do not cover other agencies' process instances.
 */
@Component
class ActionTrackingProcess {

  static final String PROCESS_KEY = "action-tracking";
  static final String MESSAGE_ACTION_CHANGED = "ActionChanged";

  private final RuntimeService runtimeService;
  private final IdentityService identityService;

  ActionTrackingProcess(RuntimeService runtimeService, IdentityService identityService) {
    this.runtimeService = runtimeService;
    this.identityService = identityService;
  }

  /** Restarts the tracking of a changed action (new owner or due date): its task and timers are made anew. */
  void actionChanged(String processInstanceId, Map<String, Object> changes) {
    if (processInstanceId == null) {
      return;
    }
    Authentication caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      boolean running = runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).active()
          .count() > 0;
      if (running) {
        runtimeService.createMessageCorrelation(MESSAGE_ACTION_CHANGED)
            .processInstanceId(processInstanceId)
            .setVariables(changes)
            .correlate();
      }
    } finally {
      if (caller != null) {
        identityService.setAuthentication(caller);
      }
    }
  }
}

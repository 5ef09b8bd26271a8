package org.partnershippathways.actions;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.partnershippathways.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * What the actions API asks of the running {@code action-tracking} instances. The API checks the caller's
 * groups itself (coordinators and managers), so the engine call runs without the caller's engine
 * authorizations, which do not cover other agencies' process instances.
 */
@Component
record ActionTrackingProcess(RuntimeService runtimeService, CurrentUser currentUser) {

  static final String PROCESS_KEY = "action-tracking";
  static final String MESSAGE_ACTION_CHANGED = "ActionChanged";

  /** Restarts the tracking of a changed action (new owner or due date): its task and timers are made anew. */
  void actionChanged(String processInstanceId, Map<String, Object> changes) {
    if (processInstanceId == null) {
      return;
    }
    currentUser.asSystem(() -> {
      boolean running = runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).active()
          .count() > 0;
      if (running) {
        runtimeService.createMessageCorrelation(MESSAGE_ACTION_CHANGED)
            .processInstanceId(processInstanceId)
            .setVariables(changes)
            .correlate();
      }
    });
  }
}

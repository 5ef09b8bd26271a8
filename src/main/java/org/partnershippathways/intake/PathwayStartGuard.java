package org.partnershippathways.intake;

import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.partnershippathways.platform.ParseListeners;
import org.springframework.stereotype.Component;

/**
 * One door into the pathway. Whoever is signed in (a user of the webapps or of the engine's REST API) may start
 * the main pathway only with the fields of the concern form, which {@code ServiceTask_RegisterConcern} then hands to
 * intake; never with the variables intake sets ({@code caseId}, {@code riskRating}, ...), and the called
 * processes (consent, sharing, meeting, actions, statutory step-up) only as part of a case. Intake itself and
 * call activities run as the application; a refused start leaves nothing behind.
 *
 * <p>The check is a built-in listener of each process's start, so a start that skips custom listeners runs it too.
 */
@Component
class PathwayStartGuard extends AbstractProcessEnginePlugin {

  /** The processes a case calls; they never run on their own. */
  static final Set<String> CALLED_PROCESSES = Set.of("statutory-step-up", "consent-check", "information-sharing",
      "multi-agency-meeting", "action-tracking", "consent-renewal");

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ParseListeners.addAfterTheEngines(configuration, new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element processElement, ProcessDefinitionEntity process) {
        String key = process.getKey();
        if (PathwayProcess.KEY.equals(key) || CALLED_PROCESSES.contains(key)) {
          process.addBuiltInListener(ExecutionListener.EVENTNAME_START,
              (ExecutionListener) execution -> check(key, execution));
        }
      }
    });
  }

  static void check(String key, DelegateExecution execution) {
    boolean signedIn = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication() != null;
    if (!signedIn || execution.getSuperExecution() != null) {
      return;
    }
    if (!PathwayProcess.KEY.equals(key)) {
      throw new AuthorizationException("The process " + key + " runs only as part of a case: it cannot be started"
          + " on its own. Raise a concern with the concern form in Tasklist or POST /api/concerns.");
    }
    Set<String> notOnTheForm = new TreeSet<>(execution.getVariableNames());
    notOnTheForm.removeAll(StartForm.FIELDS);
    if (!notOnTheForm.isEmpty()) {
      throw new AuthorizationException("Only intake registers a case: the pathway starts with the fields of the"
          + " concern form, not with " + String.join(", ", notOnTheForm) + ". Raise the concern with the concern"
          + " form in Tasklist or POST /api/concerns.");
    }
  }
}

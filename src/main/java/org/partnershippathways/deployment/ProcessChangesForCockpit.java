package org.partnershippathways.deployment;

import org.partnershippathways.platform.PluginJson;
import org.springframework.stereotype.Component;

/**
 * The Cockpit page "Pathway changes" (package {@code migration.cockpit}) previews a changed model with the same
 * service and rules as {@code /api/process-models/...}. Cockpit creates its plugin resources itself (JAX-RS, outside
 * Spring), so they reach the service through this holder, filled when Spring starts. Each method answers JSON, or
 * throws {@code ForbiddenException} (403) or {@code InvalidRequestException} (400).
 */
@Component
public class ProcessChangesForCockpit {

  private static volatile ProcessChangeRequests requests;

  ProcessChangesForCockpit(ProcessChangeRequests requests) {
    ProcessChangesForCockpit.requests = requests;
  }

  /** The body {@code {"decisionTable": "<dmn xml>"}}, as {@code POST /api/process-models/decision-impact}. */
  public static String decisionImpact(String body, String decisions) {
    return PluginJson.write(started().decisionImpact(PluginJson.textField(body, "decisionTable",
        "send the file's content as decisionTable"), decisions));
  }

  /** The body {@code {"processModel": "<bpmn xml>", "forms": {...}}}, as {@code POST .../task-load-forecast}. */
  public static String taskLoadForecast(String body, String weeks) {
    TaskLoadForecastRequest request = PluginJson.read(body, TaskLoadForecastRequest.class,
        "send the model's content as processModel and any new forms as forms");
    return PluginJson.write(request == null ? started().taskLoadForecast(null, null, weeks)
        : started().taskLoadForecast(request.processModel(), request.forms(), weeks));
  }

  private static ProcessChangeRequests started() {
    return PluginJson.started(requests);
  }
}

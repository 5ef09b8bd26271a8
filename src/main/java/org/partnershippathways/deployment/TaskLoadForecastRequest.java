package org.partnershippathways.deployment;

import java.util.Map;

/**
 * A changed process to forecast: the content of its .bpmn file and, for the user tasks it adds, their forms (file
 * name to content), which the deployment gate asks for as it would on deploying.
 */
record TaskLoadForecastRequest(String processModel, Map<String, String> forms) {
}

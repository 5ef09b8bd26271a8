package org.partnershippathways.benchmark;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * (g) What Cockpit asks when a manager opens its dashboard and a process definition's page, in a signed-in Cockpit
 * session ({@link WebappSession}): the requests of Camunda 7's Cockpit (webapps/frontend/ui/cockpit of
 * camunda-bpm-platform: {@code pages/dashboard.js} and its data provider {@code processDefinitionStatisticsData.js},
 * {@code pages/processDefinition.js}, the instance table {@code processInstanceTable.js} with its page of 50, the
 * diagram plugin {@code jobSuspension.js}) and those of our Cockpit plugins that load on every page (the navigation
 * entries of "Pathway timings" and "Pathway changes" ask {@code .../access}). The browser sends several at once;
 * here they go one after another, so a page's time is the sum, an upper bound of what the manager waits.
 */
final class CockpitMeasurement {

  private static final String ENGINE = WebappSession.ENGINE_API;
  private static final String BASE_PLUGIN = "/camunda/api/cockpit/plugin/base/default";
  private static final String OUR_PLUGINS = "/camunda/api/cockpit/plugin";

  /** One request of a page: GET when {@code body} is null, else POST of that JSON body. */
  record Request(String name, String path, String body) {
  }

  record Page(String name, List<Request> requests) {
  }

  /** The openings of one page in one round, and each request's own times. */
  record Round(LatencySample page, Map<String, LatencySample> requests) {
  }

  private final WebappSession session;

  CockpitMeasurement(String baseUrl, String user, String password) throws Exception {
    this.session = new WebappSession(baseUrl, "cockpit", user, password);
  }

  /** The dashboard: running instances and incidents per definition, the task counts, what is deployed. */
  static Page dashboard() {
    List<Request> requests = new ArrayList<>(List.of(
        get("process definition statistics (root incidents)", ENGINE + "/process-definition/statistics?rootIncidents=true"),
        get("task count", ENGINE + "/task/count"),
        get("task count: assigned", ENGINE + "/task/count?unfinished=true&assigned=true"),
        get("task count: to groups", ENGINE + "/task/count?unfinished=true&unassigned=true&withCandidateGroups=true"),
        get("task count: unassigned", ENGINE
            + "/task/count?unfinished=true&unassigned=true&withoutCandidateGroups=true"),
        get("process definition count", ENGINE + "/process-definition/count?latestVersion=true"),
        get("decision definition count", ENGINE + "/decision-definition/count?latestVersion=true"),
        get("case definition count", ENGINE + "/case-definition/count?latestVersion=true"),
        get("deployment count", ENGINE + "/deployment/count")));
    requests.addAll(ourNavigation());
    return new Page("dashboard", requests);
  }

  /** A process definition's page ({@code #/process-definition/{id}/runtime}), its default tab: the instances. */
  static Page definitionPage(String definitionId, String key) {
    String id = ENGINE + "/process-definition/" + definitionId;
    String byId = "{\"processDefinitionId\":\"" + definitionId + "\"}";
    String paging = "firstResult=0&maxResults=50&sortBy=startTime&sortOrder=desc";
    List<Request> requests = new ArrayList<>(List.of(
        get("definition", id),
        post("instance count, all versions", ENGINE + "/process-instance/count",
            "{\"processDefinitionKey\":\"" + key + "\",\"processDefinitionWithoutTenantId\":true}"),
        post("instance count, this version", ENGINE + "/process-instance/count", byId),
        get("BPMN XML", id + "/xml"),
        get("versions", ENGINE + "/process-definition?key=" + URLEncoder.encode(key, StandardCharsets.UTF_8)
            + "&sortBy=version&sortOrder=desc&withoutTenantId=true"),
        get("activity statistics (incidents)", id + "/statistics?incidents=true"),
        get("called definitions", id + "/static-called-process-definitions"),
        get("job definitions", ENGINE + "/job-definition?processDefinitionId=" + definitionId
            + "&firstResult=0&maxResults=2000"),
        post("instance table: count", BASE_PLUGIN + "/process-instance/count", byId),
        post("instance table: page of 50", BASE_PLUGIN + "/process-instance?" + paging,
            "{\"processDefinitionId\":\"" + definitionId + "\",\"firstResult\":0,\"maxResults\":50,"
                + "\"sortBy\":\"startTime\",\"sortOrder\":\"desc\"}")));
    requests.addAll(ourNavigation());
    return new Page("process definition " + key, requests);
  }

  private static List<Request> ourNavigation() {
    return List.of(get("our plugin: Pathway timings menu entry", OUR_PLUGINS + "/pathway-timings/default/timings/access"),
        get("our plugin: Pathway changes menu entry", OUR_PLUGINS + "/pathway-changes/default/changes/access"));
  }

  private static Request get(String name, String path) {
    return new Request(name, path, null);
  }

  private static Request post(String name, String path, String body) {
    return new Request(name, path, body);
  }

  /** The body of one answer (200 expected), e.g. to find a definition's id. */
  String get(String path) throws Exception {
    return checked(new Request(path, path, null));
  }

  /**
   * Opens {@code page} {@code openings} times, or fewer when {@code budget} runs out (at least once); each request
   * must answer 200.
   */
  Round measure(Page page, int openings, Duration budget) throws Exception {
    long deadline = System.nanoTime() + budget.toNanos();
    long[] pageNanos = new long[openings];
    Map<String, long[]> requestNanos = new LinkedHashMap<>();
    page.requests().forEach(request -> requestNanos.put(request.name(), new long[openings]));
    int done = 0;
    while (done < openings && (done == 0 || System.nanoTime() < deadline)) {
      long pageStarted = System.nanoTime();
      for (Request request : page.requests()) {
        long started = System.nanoTime();
        checked(request);
        requestNanos.get(request.name())[done] = System.nanoTime() - started;
      }
      pageNanos[done++] = System.nanoTime() - pageStarted;
    }
    Map<String, LatencySample> requests = new LinkedHashMap<>();
    int opened = done;
    requestNanos.forEach((name, nanos) -> requests.put(name, LatencySample.ofNanos(Arrays.copyOf(nanos, opened))));
    return new Round(LatencySample.ofNanos(Arrays.copyOf(pageNanos, done)), requests);
  }

  private String checked(Request request) throws Exception {
    HttpResponse<String> response = request.body() == null
        ? session.get(request.path(), "application/json")
        : session.post(request.path(), request.body(), "application/json");
    // our plugins' access check answers 204 to a manager
    if (response.statusCode() != 200 && response.statusCode() != 204) {
      throw new IllegalStateException("Cockpit request '" + request.name() + "' (" + request.path() + ") answered "
          + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }
}

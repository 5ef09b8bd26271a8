package org.partnershippathways.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.spring.JqwikSpringSupport;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.partnershippathways.actions.ActionPlan;
import org.partnershippathways.actions.NewAction;
import org.partnershippathways.platform.FuzzedRequests.Endpoint;
import org.partnershippathways.platform.FuzzedRequests.Fuzzed;
import org.partnershippathways.platform.FuzzedRequests.Ids;
import org.partnershippathways.platform.FuzzedRequests.Sender;
import org.partnershippathways.testsupport.DatabaseRows;
import org.partnershippathways.testsupport.PathwaysIntegrationTest;
import org.partnershippathways.testsupport.RawHttp;
import org.partnershippathways.testsupport.RawHttp.Answer;
import org.partnershippathways.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Generated hostile and broken requests against every write endpoint of ours (issue 15). The properties: never a
 * 5xx; every error is problem details naming no Java internals; every 400 names a field; a refused request leaves
 * every table, ours and the engine's, as it found it. {@code -Djqwik.tries.default=N} sets the number of requests
 * (200 in the test command); {@code -Dpathways.fuzz.collect=true} keeps going after a failure and writes every
 * failing request to {@code target/fuzz-findings.txt} (docs/reliability.md).
 */
@JqwikSpringSupport
@PathwaysIntegrationTest
class WriteEndpointsFuzzIT {

  static final String PASSWORD = UUID.randomUUID().toString();
  static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  static final boolean COLLECT = Boolean.getBoolean("pathways.fuzz.collect");
  static final Set<RequestMethod> WRITES = Set.of(RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH,
      RequestMethod.DELETE);

  @Autowired IdentityService identity;
  @Autowired RuntimeService runtime;
  @Autowired ActionPlan actionPlan;
  @Autowired DataSource dataSource;
  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;
  @LocalServerPort int port;

  final ObjectMapper json = new ObjectMapper();
  final List<String> findings = new ArrayList<>();
  final AtomicInteger requests = new AtomicInteger();
  final Map<Integer, AtomicInteger> statuses = new java.util.TreeMap<>();
  static RawHttp http;
  static DatabaseRows rows;
  static Ids ids;

  /** Once, with the application up: the senders, and a case and an action for the paths to name. */
  private void usersAndACase() {
    if (ids != null) {
      return;
    }
    http = new RawHttp(port);
    rows = new DatabaseRows(dataSource);
    TestUsers.create(identity, user(Sender.COORDINATOR), PASSWORD, "coordinators");
    TestUsers.create(identity, user(Sender.PRACTITIONER), PASSWORD, "police");
    TestUsers.create(identity, user(Sender.PARTNER_SYSTEM), PASSWORD, "partner-systems", "police");
    TestUsers.create(identity, user(Sender.WRONG_PASSWORD), PASSWORD, "coordinators");
    Answer concern = http.post("/api/concerns", user(Sender.COORDINATOR), PASSWORD, """
        {"referrer": {"name": "PC Jones", "agency": "police", "contact": "01234 567890"},
         "person": {"givenName": "Alex", "familyName": "Fuzz%s", "dateOfBirth": "2011-04-23", "child": true},
         "concernCategories": ["EXPLOITATION"], "description": "Seen at night", "immediateRisk": false,
         "consentObtained": true}""".formatted(RUN));
    assertThat(concern.status()).as(concern.body()).isEqualTo(201);
    String caseId = read(concern.body()).path("caseId").asText();
    String actionId = actionPlan.addActions(caseId, null, List.of(new NewAction("Home visit", "police",
        actionPlan.today().plusDays(14), "HIGH"))).get(0);
    runtime.startProcessInstanceByKey("action-tracking", "PP-FUZZ-" + RUN,
        Map.of("caseId", caseId, "caseReference", "PP-FUZZ-" + RUN, "actionId", actionId));
    ids = new Ids(caseId, actionId, "meeting-" + RUN);
  }

  @Provide
  Arbitrary<Fuzzed> writes() {
    return FuzzedRequests.requests(FuzzedRequests.endpoints(LocalDate.now(ZoneId.of("Europe/London"))));
  }

  @Property
  void noRequestBreaksAnEndpointOrLeavesARowBehind(@ForAll("writes") Fuzzed request) {
    usersAndACase();
    Map<String, Long> before = rows.count();
    Answer answer = send(request);
    requests.incrementAndGet();
    statuses.computeIfAbsent(answer.status(), status -> new AtomicInteger()).incrementAndGet();
    List<String> wrong = new ArrayList<>();
    if (answer.status() >= 500) {
      wrong.add("answered " + answer.status());
    }
    if (answer.status() >= 400) {
      wrong.addAll(problemsOfTheErrorBody(answer));
      Map<String, Long> after = rows.count();
      if (!after.equals(before)) {
        wrong.add("refused with " + answer.status() + " but left rows: " + difference(before, after));
      }
    }
    if (!wrong.isEmpty()) {
      String finding = String.join("; ", wrong) + " <- " + request + " -> " + shortened(answer.body());
      findings.add(finding);
      if (!COLLECT) {
        throw new AssertionError(finding);
      }
    }
  }

  @AfterProperty
  void report() throws IOException {
    if (requests.get() == 0) {
      return;
    }
    String summary = "Fuzzed " + requests.get() + " requests; answers by status " + statuses + "; "
        + findings.size() + " failing";
    System.out.println(summary);
    Path file = Path.of("target", "fuzz-findings.txt");
    Files.createDirectories(file.getParent());
    Files.writeString(file, summary + System.lineSeparator() + String.join(System.lineSeparator(), findings)
        + System.lineSeparator());
    assertThat(findings).as("failing requests, listed in " + file).isEmpty();
  }

  /** A new write endpoint of ours must join the fuzzer before it lands. */
  @Example
  void everyWriteEndpointOfOursIsFuzzed() {
    Set<String> fuzzed = FuzzedRequests.endpoints(LocalDate.now()).stream().map(Endpoint::mapping)
        .collect(Collectors.toSet());
    Set<String> ours = new TreeSet<>();
    mappings.getHandlerMethods().forEach((info, method) -> {
      if (method.getBeanType().getPackageName().startsWith("org.partnershippathways")
          && !ErrorController.class.isAssignableFrom(method.getBeanType())) {
        Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
        for (RequestMethod write : methods.isEmpty() ? WRITES : methods) {
          if (WRITES.contains(write)) {
            info.getPatternValues().forEach(pattern -> ours.add(write + " " + pattern));
          }
        }
      }
    });

    assertThat(ours).isNotEmpty().allSatisfy(endpoint -> assertThat(fuzzed)
        .as("%s is not fuzzed: add it to FuzzedRequests.endpoints", endpoint).contains(endpoint));
    assertThat(fuzzed).as("fuzzed endpoints that no longer exist").isSubsetOf(ours);
  }

  private List<String> problemsOfTheErrorBody(Answer answer) {
    List<String> wrong = new ArrayList<>();
    if (!answer.contentType().startsWith("application/problem+json")) {
      wrong.add("error " + answer.status() + " as " + answer.contentType() + ", not problem details");
      return wrong;
    }
    if (answer.body().matches("(?s).*(Exception|java\\.|at org\\.|\\.java:).*")) {
      wrong.add("error " + answer.status() + " names Java internals");
    }
    if (answer.body().length() > 8_000) {
      wrong.add("error body of " + answer.body().length() + " characters");
    }
    JsonNode problem = read(answer.body());
    if (answer.status() == 400) {
      JsonNode errors = problem.path("errors");
      if (!errors.isArray() || errors.isEmpty()) {
        wrong.add("400 names no field");
      }
      errors.forEach(error -> {
        if (error.path("field").asText("").isBlank() || error.path("message").asText("").isBlank()) {
          wrong.add("400 with an error that names no field or says nothing: " + error);
        }
      });
    }
    return wrong;
  }

  private Answer send(Fuzzed request) {
    String user = request.sender() == Sender.ANONYMOUS ? null : user(request.sender());
    String password = request.sender() == Sender.WRONG_PASSWORD ? "not-" + PASSWORD : PASSWORD;
    HttpRequest.BodyPublisher body = request.chunked() ? RawHttp.chunked(request.body())
        : HttpRequest.BodyPublishers.ofByteArray(request.body());
    String contentType = FuzzedRequests.NONE.equals(request.contentType()) ? null : request.contentType();
    return http.send("POST", ids.into(request.path()), user, password, contentType, body, request.headers());
  }

  private static String user(Sender sender) {
    return "fuzz-" + sender.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "-" + RUN;
  }

  private JsonNode read(String body) {
    try {
      return json.readTree(body);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + shortened(body), e);
    }
  }

  private static String difference(Map<String, Long> before, Map<String, Long> after) {
    return after.entrySet().stream().filter(entry -> !entry.getValue().equals(before.get(entry.getKey())))
        .map(entry -> entry.getKey() + " " + before.get(entry.getKey()) + " -> " + entry.getValue())
        .collect(Collectors.joining(", "));
  }

  private static String shortened(String text) {
    return text == null || text.length() <= 400 ? text : text.substring(0, 400) + "...";
  }
}

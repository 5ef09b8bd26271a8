package org.partnershippathways.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.partnershippathways.security.AuthorizationMatrix.Call;
import org.partnershippathways.testsupport.PartnerKeysForTests;
import org.partnershippathways.testsupport.PathwaysIntegrationTest;
import org.partnershippathways.testsupport.TestPartnerships;
import org.partnershippathways.testsupport.WebappCookies;
import org.partnershippathways.testsupport.GateReadyModels;
import org.partnershippathways.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Issue 11: every call of the authorization matrix ({@link AuthorizationMatrix}) as every role, on H2 and
 * PostgreSQL. Each answer must have the status the matrix says, and no answer may show a role what it may not see:
 * the person's name, NHS number, address or the concern's description (nobody reads them outside our case API), a
 * risk rating as a value (the voluntary sector), another agency's reply (every agency), or a permission dump
 * instead of a sentence (a refusal).
 */
@PathwaysIntegrationTest
class AuthorizationMatrixIT {

  /** The partner call itself is not what is tested (as in PartnerResponsesIT, whose context this shares). */
  @MockitoBean(name = "partnerRequest")
  JavaDelegate partnerRequest;

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identity;
  @Autowired AuthorizationService authorizations;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired RepositoryService repository;
  @Autowired FilterService filters;
  @Autowired TaskService tasks;
  @Autowired PartnerApiKeys partnerKeys;

  static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  static final String PASSWORD = UUID.randomUUID().toString();
  static final String ANONYMOUS = "anonymous";
  static final String WRONG_PASSWORD = "wrong-password";
  /** Signs in as partner systems do: with the police system's key, never a password (it is no engine user). */
  static final String PARTNER_SYSTEM = "partner-system";
  /** The other partnership's roles, each with the same groups as a role of the case's partnership. */
  static final Map<String, String> OTHER_PARTNERSHIP = otherPartnership();

  static final Map<String, List<String>> GROUPS_OF_ROLE = groupsOfRole();
  /** A RAG rating as a variable's value (a filter's column named riskRating shows none). */
  /**
   * Calls that show the person and the concern to the partnership hub, the task's candidate groups: the facts of
   * a coordinators' task (Tasklist's "Case" tab). Every other call, and these for every other role, show nothing.
   */
  static final List<String> FACTS_FOR_THE_HUB = List.of("/api/tasks/{taskId}/facts",
      "/camunda/api/tasklist/plugin/pathway-case/default/tasks/{taskId}/facts");
  /**
   * What of the person each call shows the partnership hub (coordinators and managers), and only the hub: the
   * task's facts, the case's summary (the NHS number as written, with spaces), its chronology (the concern's
   * description), the hub's case search. Nobody is shown the address.
   */
  static final Map<String, Set<String>> HUB_MAY_SEE = Map.of(
      "/api/tasks/{taskId}/facts", Set.of("family name", "concern's description"),
      "/camunda/api/tasklist/plugin/pathway-case/default/tasks/{taskId}/facts",
      Set.of("family name", "concern's description"),
      "/api/cases/{caseId}", Set.of("family name", "NHS number as written"),
      "/camunda/api/tasklist/plugin/pathway-case/default/cases/{caseId}", Set.of("family name", "NHS number as written"),
      "/api/cases/{caseId}/chronology", Set.of("concern's description"),
      "/camunda/api/tasklist/plugin/pathway-case/default/cases/{caseId}/chronology", Set.of("concern's description"),
      "/api/cases?query=mxFAMILY{run}", Set.of("family name", "NHS number as written"),
      "/camunda/api/tasklist/plugin/pathway-case/default/cases?query=mxFAMILY{run}",
      Set.of("family name", "NHS number as written"));
  static final List<String> HUB_ROLES = List.of("coordinator", "manager");
  static final Pattern RISK_RATING = Pattern.compile("\"value\"\\s*:\\s*\"(RED|AMBER|GREEN)\"");

  final ObjectMapper json = new ObjectMapper();
  final AuthorizationMatrix matrix = AuthorizationMatrix.load();
  final Map<String, Map<String, String>> sessions = new HashMap<>();
  final Map<String, String> markers = new LinkedHashMap<>();
  final List<String> freshUsers = new ArrayList<>();
  String caseId;
  String caseReference;
  String processInstanceId;
  String taskId;
  String policeReply;
  String voluntaryReply;
  String partnerKey;

  private static Map<String, List<String>> groupsOfRole() {
    Map<String, List<String>> groups = new LinkedHashMap<>();
    groups.put("coordinator", List.of(PathwayGroups.COORDINATORS));
    groups.put("manager", List.of(PathwayGroups.MANAGERS));
    groups.put("process-owner", List.of(PathwayGroups.PROCESS_OWNERS));
    for (Agency agency : Agency.values()) {
      groups.put(agency.groupId(), List.of(agency.groupId()));
      groups.put(agency.groupId() + "-manager", List.of(agency.managersGroupId()));
    }
    groups.put(PARTNER_SYSTEM, List.of(Agency.POLICE.groupId(), PathwayGroups.PARTNER_SYSTEMS));
    groups.put("admin", List.of(PathwayGroups.ADMINISTRATORS));
    groups.put(ANONYMOUS, List.of());
    groups.put(WRONG_PASSWORD, List.of(PathwayGroups.COORDINATORS));
    OTHER_PARTNERSHIP.forEach((role, sameRoleHere) -> groups.put(role, groups.get(sameRoleHere)));
    return groups;
  }

  private static Map<String, String> otherPartnership() {
    Map<String, String> roles = new LinkedHashMap<>();
    roles.put("other-coordinator", "coordinator");
    roles.put("other-manager", "manager");
    roles.put("other-police", Agency.POLICE.groupId());
    roles.put("other-police-manager", Agency.POLICE.groupId() + "-manager");
    return roles;
  }

  static String userOf(String role) {
    return "mx-" + role + "-" + RUN;
  }

  @Test
  void everyRoleGetsWhatItsRowAllowsAndSeesNothingElse() throws Exception {
    assertThat(matrix.roles()).as("the matrix's roles are the roles this test signs in as")
        .containsExactlyElementsOf(GROUPS_OF_ROLE.keySet());
    partnerKey = PartnerKeysForTests.newKey(partnerKeys, Agency.POLICE);
    GROUPS_OF_ROLE.forEach((role, groups) -> {
      if (OTHER_PARTNERSHIP.containsKey(role)) {
        TestUsers.createIn(TestPartnerships.SECOND, identity, userOf(role), PASSWORD, groups.toArray(String[]::new));
      } else if (!ANONYMOUS.equals(role) && !PARTNER_SYSTEM.equals(role)) {
        TestUsers.create(identity, userOf(role), PASSWORD, groups.toArray(String[]::new));
      }
    });
    aCaseWithRepliesOfTwoAgencies();
    matrix.roles().forEach(role -> sessions.put(role, session(role)));

    List<String> findings = new ArrayList<>();
    StringBuilder actual = new StringBuilder("method,path," + String.join(",", matrix.roles()) + "\n");
    for (Call call : matrix.calls()) {
      actual.append(call.method()).append(',').append(call.path());
      for (String role : matrix.roles()) {
        ResponseEntity<String> response = send(call, role);
        String got = response.getStatusCode().is2xxSuccessful() ? "ok"
            : String.valueOf(response.getStatusCode().value());
        actual.append(',').append(got);
        String expected = call.expected().get(role);
        String body = Optional.ofNullable(response.getBody()).orElse("");
        if (!expected.equals(got)) {
          findings.add(call.name() + " as " + role + ": expected " + expected + ", got " + got + " "
              + excerpt(body));
        }
        findings.addAll(whatMayNotBeSeen(call, role, got, body));
        findings.addAll(whatTheOtherPartnershipMayNotSee(call, role, body));
      }
      actual.append('\n');
    }
    Path report = Path.of("target", "authorization-matrix-actual.csv");
    Files.createDirectories(report.getParent());
    Files.writeString(report, actual);

    assertThat(findings).as("%d roles x %d calls = %d calls; what each got: %s", matrix.roles().size(),
        matrix.calls().size(), matrix.size(), report.toAbsolutePath()).isEmpty();
  }

  private List<String> whatMayNotBeSeen(Call call, String role, String got, String body) {
    List<String> findings = new ArrayList<>();
    boolean factsForTheHub = FACTS_FOR_THE_HUB.contains(call.path()) && HUB_ROLES.contains(role);
    if (factsForTheHub && !body.contains(markers.get("family name"))) {
      findings.add(call.name() + " as " + role + " does not show the person the task is about");
    }
    boolean hub = HUB_ROLES.contains(role);
    if (hub && "ok".equals(got) && HUB_MAY_SEE.containsKey(call.path()) && !FACTS_FOR_THE_HUB.contains(call.path())
        && HUB_MAY_SEE.get(call.path()).stream().noneMatch(what -> body.contains(markers.get(what)))) {
      findings.add(call.name() + " as " + role + " shows none of " + HUB_MAY_SEE.get(call.path()));
    }
    markers.forEach((what, marker) -> {
      if (body.contains(marker) && !(hub && HUB_MAY_SEE.getOrDefault(call.path(), Set.of()).contains(what))) {
        findings.add(call.name() + " as " + role + " shows the person's " + what);
      }
    });
    if (role.startsWith(Agency.VOLUNTARY.groupId()) && RISK_RATING.matcher(body).find()) {
      findings.add(call.name() + " as " + role + " shows a risk rating to the voluntary sector");
    }
    boolean police = role.startsWith(Agency.POLICE.groupId()) || PARTNER_SYSTEM.equals(role);
    boolean agency = GROUPS_OF_ROLE.get(role).stream().anyMatch(group -> Agency.ofGroupId(group).isPresent()
        || group.endsWith("-managers") && !group.equals(PathwayGroups.MANAGERS));
    if (agency && !police && body.contains(policeReply)) {
      findings.add(call.name() + " as " + role + " shows the police's reply");
    }
    if (agency && !role.startsWith(Agency.VOLUNTARY.groupId()) && body.contains(voluntaryReply)) {
      findings.add(call.name() + " as " + role + " shows the voluntary sector's reply");
    }
    if ("403".equals(got) && (body.contains("missingAuthorizations") || body.contains("Exception"))) {
      findings.add(call.name() + " as " + role + " refuses with a permission dump, not a sentence: " + excerpt(body));
    }
    return findings;
  }

  /**
   * Nothing of the case reaches the other partnership: not the person, not the case's reference, ids, task or
   * process instance (but for an id the caller sent, which a refusal may name).
   */
  private List<String> whatTheOtherPartnershipMayNotSee(Call call, String role, String body) {
    if (!OTHER_PARTNERSHIP.containsKey(role) || call.path().contains("/static/")) {
      return List.of(); // a plugin's script is the same for everyone (its examples may look like a reference)
    }
    Map<String, String> ofTheCase = new LinkedHashMap<>(markers);
    ofTheCase.put("case reference", caseReference);
    Map<String, String> ids = Map.of("{caseId}", caseId, "{processInstanceId}", processInstanceId, "{taskId}", taskId);
    ids.forEach((placeholder, id) -> {
      if (!call.path().contains(placeholder)) {
        ofTheCase.put(placeholder, id);
      }
    });
    List<String> findings = new ArrayList<>();
    ofTheCase.forEach((what, value) -> {
      if (body.contains(value)) {
        findings.add(call.name() + " as " + role + " shows another partnership's " + what);
      }
    });
    return findings;
  }

  private static String excerpt(String body) {
    String flat = body.replaceAll("\\s+", " ");
    return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
  }

  // --- the data the calls are about

  private void aCaseWithRepliesOfTwoAgencies() throws Exception {
    String familyName = "Mxfamily" + RUN;
    String nhsNumber = nhsNumber();
    String description = "Matrix description " + RUN;
    String address = RUN + " Matrix Lane";
    markers.put("family name", familyName);
    markers.put("NHS number", nhsNumber);
    markers.put("NHS number as written", nhsNumber.substring(0, 3) + " " + nhsNumber.substring(3, 6) + " "
        + nhsNumber.substring(6));
    markers.put("concern's description", description);
    markers.put("address", address);
    JsonNode receipt = raise(familyName, nhsNumber, description, address);
    caseId = receipt.path("caseId").asText();
    caseReference = receipt.path("caseReference").asText();
    processInstanceId = receipt.path("processInstanceId").asText();
    taskId = tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult().getId();

    String sharing = runtime.startProcessInstanceByKey("information-sharing", Variables.createVariables()
        .putValue("caseId", caseId)
        .putValue("caseReference", receipt.path("caseReference").asText())
        .putValue("riskRating", "AMBER")
        .putValue("child", false)
        .putValueTyped("concernCategories", Variables.objectValue(new ArrayList<>(List.of("HOUSING")))
            .serializationDataFormat(Variables.SerializationDataFormats.JSON).create()))
        .getId();
    management.createJobQuery().processInstanceId(sharing).activityId("ServiceTask_SendInformationRequest").list()
        .forEach(job -> management.executeJob(job.getId()));
    policeReply = "Police reply " + RUN;
    voluntaryReply = "Voluntary reply " + RUN;
    reply(PARTNER_SYSTEM, "police", policeReply);
    reply("voluntary", "voluntary", voluntaryReply);
  }

  private void reply(String role, String agency, String summary) {
    String body = """
        {"agency": "%s", "summary": "%s", "holdsInformation": true, "respondedBy": "Matrix",
         "partnerReference": "%s"}""".formatted(agency, summary, UUID.randomUUID());
    ResponseEntity<String> response = exchange(HttpMethod.POST, "/api/cases/" + caseId + "/partner-responses",
        jsonHeaders(basic(role)), body);
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
  }

  private JsonNode raise(String familyName, String nhsNumber, String description, String address)
      throws IOException {
    String concern = """
        {"referrer": {"name": "PC Jones", "agency": "police", "contact": "01234 567890"},
         "person": {"givenName": "Alex", "familyName": "%s", "dateOfBirth": "2011-04-23", "nhsNumber": "%s",
                    "address": "%s", "child": true},
         "concernCategories": ["EXPLOITATION"], "description": "%s", "immediateRisk": false,
         "consentObtained": true}""".formatted(familyName, nhsNumber, address, description);
    HttpHeaders headers = jsonHeaders(basic("coordinator"));
    headers.set("Idempotency-Key", UUID.randomUUID().toString());
    ResponseEntity<String> response = exchange(HttpMethod.POST, "/api/concerns", headers, concern);
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
    return json.readTree(response.getBody());
  }

  /** A valid NHS number (modulus 11 check digit), different on every call. */
  static String nhsNumber() {
    while (true) {
      int[] digits = new int[10];
      int sum = 0;
      for (int i = 0; i < 9; i++) {
        digits[i] = ThreadLocalRandom.current().nextInt(10);
        sum += digits[i] * (10 - i);
      }
      int check = 11 - sum % 11;
      if (check == 10) {
        continue;
      }
      digits[9] = check == 11 ? 0 : check;
      StringBuilder number = new StringBuilder();
      for (int digit : digits) {
        number.append(digit);
      }
      return number.toString();
    }
  }

  private String freshInstance() throws IOException {
    return raise("Mxfresh" + UUID.randomUUID().toString().substring(0, 6).replaceAll("\\d", "x"), nhsNumber(),
        "Fresh case", "1 Fresh Road").path("processInstanceId").asText();
  }

  private String freshDeployment() {
    Deployment deployment = repository.createDeployment().name("matrix-" + RUN)
        .addModelInstance("matrix.bpmn", model("matrix_fresh_" + UUID.randomUUID().toString().replace("-", "")))
        .deploy();
    return deployment.getId();
  }

  private static BpmnModelInstance model(String key) {
    return GateReadyModels.startAndEnd(key);
  }

  private String freshFilter() {
    Filter filter = filters.newTaskFilter("matrix-" + RUN);
    filter.setQuery(tasks.createTaskQuery());
    return filters.saveFilter(filter).getId();
  }

  // --- sending a call as a role

  private ResponseEntity<String> send(Call call, String role) throws IOException {
    String path = fill(call.path(), role);
    HttpMethod method = HttpMethod.valueOf(call.method());
    if ("@login".equals(call.body())) {
      return login(role, path);
    }
    if (path.startsWith("/camunda/")) {
      // The webapps' CSRF token changes with the session: a stale one would end the session.
      ResponseEntity<String> response = sendAs(call, method, path, role, WebappCookies.sessionHeaders(sessions.get(role)));
      WebappCookies.keep(sessions.get(role), response);
      return response;
    }
    return sendAs(call, method, path, role, basic(role));
  }

  private ResponseEntity<String> sendAs(Call call, HttpMethod method, String path, String role, HttpHeaders headers)
      throws IOException {
    if ("@deployment".equals(call.body())) {
      headers.setContentType(MediaType.MULTIPART_FORM_DATA);
      MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
      form.add("deployment-name", "matrix-" + RUN);
      String key = "matrix_deployed_" + RUN.replace("-", "") + "_" + role.replace("-", "_");
      form.add("data", new ByteArrayResource(Bpmn.convertToString(model(key)).getBytes()) {
        @Override
        public String getFilename() {
          return key + ".bpmn";
        }
      });
      return rest.exchange(path, method, new HttpEntity<>(form, headers), String.class);
    }
    if ("@decision".equals(call.body())) {
      headers.setContentType(MediaType.APPLICATION_JSON);
      String table = java.nio.file.Files.readString(java.nio.file.Path.of("processes", "risk-triage.dmn"));
      return exchange(method, path, headers, json.writeValueAsString(Map.of("decisionTable", table)));
    }
    if (call.body().isBlank()) {
      return exchange(method, path, headers, null);
    }
    headers.setContentType(MediaType.APPLICATION_JSON);
    return exchange(method, path, headers, fill(call.body(), role));
  }

  private String fill(String template, String role) throws IOException {
    String filled = template.replace("{caseId}", caseId).replace("{processInstanceId}", processInstanceId)
        .replace("{taskId}", taskId).replace("{unknownId}", UUID.randomUUID().toString())
        .replace("{pluginScript}", "app/plugin.js").replace("{modelFile}", "consent-check.bpmn")
        .replace("{me}", userOf(role)).replace("{role}", role).replace("{run}", RUN).replace("{password}", PASSWORD);
    if (filled.contains("{pathwayDefinitionId}")) {
      filled = filled.replace("{pathwayDefinitionId}", repository.createProcessDefinitionQuery()
          .processDefinitionKey("early-intervention-pathway").latestVersion().singleResult().getId());
    }
    if (filled.contains("{freshInstanceId}")) {
      filled = filled.replace("{freshInstanceId}", freshInstance());
    }
    if (filled.contains("{freshDeploymentId}")) {
      filled = filled.replace("{freshDeploymentId}", freshDeployment());
    }
    if (filled.contains("{freshUserId}")) {
      String user = "matrix-fresh-" + UUID.randomUUID();
      TestUsers.create(identity, user, PASSWORD);
      freshUsers.add(user);
      filled = filled.replace("{freshUserId}", user);
    }
    if (filled.contains("{freshFilterId}")) {
      filled = filled.replace("{freshFilterId}", freshFilter());
    }
    return filled;
  }

  private ResponseEntity<String> exchange(HttpMethod method, String path, HttpHeaders headers, String body) {
    return rest.exchange(path, method, new HttpEntity<>(body, headers), String.class);
  }

  private static HttpHeaders jsonHeaders(HttpHeaders headers) {
    headers.setContentType(MediaType.APPLICATION_JSON);
    return headers;
  }

  private HttpHeaders basic(String role) {
    HttpHeaders headers = new HttpHeaders();
    if (PARTNER_SYSTEM.equals(role)) {
      headers.set(PartnerApiKeys.HEADER, partnerKey);
    } else if (!ANONYMOUS.equals(role)) {
      headers.setBasicAuth(userOf(role), WRONG_PASSWORD.equals(role) ? "not-" + PASSWORD : PASSWORD);
    }
    return headers;
  }

  // --- the webapps' sessions

  /** The role's webapp session: signed in to the first webapp it may use, or a session of nobody. */
  private Map<String, String> session(String role) {
    for (String app : List.of("tasklist", "cockpit", "admin")) {
      Map<String, String> cookies = anonymousSession();
      ResponseEntity<String> login = loginWith(role, app, cookies);
      if (login.getStatusCode().is2xxSuccessful()) {
        WebappCookies.keep(cookies, login);
        WebappCookies.keep(cookies, rest.exchange("/camunda/api/admin/auth/user/default", HttpMethod.GET,
            new HttpEntity<>(WebappCookies.sessionHeaders(cookies)), String.class));
        return cookies;
      }
      if (login.getStatusCode().value() == 401) {
        return cookies;
      }
    }
    return anonymousSession();
  }

  private ResponseEntity<String> login(String role, String path) {
    String app = path.substring(path.lastIndexOf('/') + 1);
    return loginWith(role, app, anonymousSession());
  }

  private ResponseEntity<String> loginWith(String role, String app, Map<String, String> cookies) {
    HttpHeaders headers = WebappCookies.sessionHeaders(cookies);
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("username", ANONYMOUS.equals(role) ? "" : userOf(role));
    form.add("password", WRONG_PASSWORD.equals(role) ? "not-" + PASSWORD : ANONYMOUS.equals(role) ? "" : PASSWORD);
    return rest.exchange("/camunda/api/admin/auth/user/default/login/" + app, HttpMethod.POST,
        new HttpEntity<>(form, headers), String.class);
  }

  private Map<String, String> anonymousSession() {
    Map<String, String> cookies = new HashMap<>();
    WebappCookies.keep(cookies, rest.getForEntity("/camunda/app/tasklist/default/", String.class));
    return cookies;
  }



  // --- leaving the shared database as it was found, as far as the calls changed it

  @AfterEach
  void removeWhatTheCallsMade() {
    filters.createFilterQuery().filterNameLike("matrix-" + RUN + "%").list()
        .forEach(filter -> filters.deleteFilter(filter.getId()));
    repository.createDeploymentQuery().deploymentName("matrix-" + RUN).list()
        .forEach(deployment -> repository.deleteDeployment(deployment.getId(), true));
    for (String user : freshUsers) {
      authorizations.createAuthorizationQuery().userIdIn(user).list()
          .forEach(authorization -> authorizations.deleteAuthorization(authorization.getId()));
      identity.deleteUser(user);
    }
    for (String role : GROUPS_OF_ROLE.keySet()) {
      for (String made : List.of("matrix-new-" + RUN + "-" + role, "matrix-setup-" + RUN + "-" + role)) {
        if (identity.createUserQuery().userId(made).count() > 0) {
          identity.deleteUser(made);
        }
      }
    }
  }
}

package org.partnershippathways.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnershippathways.testsupport.PartnerKeysForTests;
import org.partnershippathways.testsupport.PathwaysIntegrationTest;
import org.partnershippathways.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Issue 11 item 4: nobody can lock anyone out. Wrong passwords slow down the address that sends them (the real
 * throttle settings, except blocks of 2 s instead of 1 s up to a minute, so that the test can wait for them); partner
 * systems sign in with keys that no password flood touches. The application trusts {@code X-Forwarded-For} and
 * {@code X-Forwarded-Proto} here, as behind a proxy, so that the test can speak from several addresses and over TLS.
 * Its client is the JDK's, which does not retry: Apache HttpClient waits out a 429's {@code Retry-After} and sends
 * the request again.
 */
@PathwaysIntegrationTest(properties = {
    "pathways.security.sign-in-throttle.free-failures=10",
    "pathways.security.sign-in-throttle.first-block=2s",
    "pathways.security.sign-in-throttle.max-block=2s",
    "server.forward-headers-strategy=native"})
class AccountsIT {

  static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  static final String PASSWORD = "accounts-" + RUN;

  @MockitoBean(name = "partnerRequest")
  JavaDelegate partnerRequest;

  @LocalServerPort int port;
  TestRestTemplate rest;
  @Autowired IdentityService identity;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired PartnerApiKeys keys;

  String caseId;

  @BeforeEach
  void aCaseWaitingForThePolice() {
    rest = new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port)
        .requestFactory(() -> new JdkClientHttpRequestFactory()));
    caseId = UUID.randomUUID().toString();
    String instance = runtime.startProcessInstanceByKey("information-sharing", Variables.createVariables()
        .putValue("caseId", caseId)
        .putValue("caseReference", "PP-ACC-" + RUN)
        .putValue("riskRating", "AMBER")
        .putValue("child", false)
        .putValueTyped("concernCategories", Variables.objectValue(new ArrayList<>(List.of("HOUSING")))
            .serializationDataFormat(Variables.SerializationDataFormats.JSON).create()))
        .getId();
    management.createJobQuery().processInstanceId(instance).activityId("ServiceTask_SendInformationRequest").list()
        .forEach(job -> management.executeJob(job.getId()));
  }

  @Test
  void twentyWrongPasswordsForAPartnerSystemDoNotStopItsReplies() {
    String attacker = newAddress();
    String policeKey = PartnerKeysForTests.newKey(keys, Agency.POLICE);
    List<HttpStatus> answers = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      HttpHeaders headers = from(attacker);
      headers.setBasicAuth("police-system", "guess-" + i);
      answers.add(HttpStatus.valueOf(reply(headers).getStatusCode().value()));
    }
    assertThat(answers.subList(0, 11)).as("10 free failures, and the one that starts the block")
        .containsOnly(HttpStatus.UNAUTHORIZED);
    assertThat(answers.subList(11, 20)).as("the attacker's address is slowed down")
        .containsOnly(HttpStatus.TOO_MANY_REQUESTS);

    HttpHeaders partner = from(attacker);
    partner.set(PartnerApiKeys.HEADER, policeKey);
    ResponseEntity<String> accepted = reply(partner);
    assertThat(accepted.getStatusCode()).as("even from the attacker's address: " + accepted.getBody())
        .isEqualTo(HttpStatus.CREATED);
    assertThat(accepted.getBody()).contains("\"agency\":\"police\"");
  }

  @Test
  void aKeyRepliesOnlyForItsOwnAgencyAndOpensNothingElse() {
    String healthKey = PartnerKeysForTests.newKey(keys, Agency.HEALTH);
    HttpHeaders health = from(newAddress());
    health.set(PartnerApiKeys.HEADER, healthKey);
    assertThat(reply(health).getStatusCode()).as("health replying for police").isEqualTo(HttpStatus.FORBIDDEN);
    for (String path : new String[] {"/api/concerns", "/api/cases/" + caseId + "/disclosures", "/api/timings"}) {
      assertThat(rest.exchange(path, HttpMethod.GET, new HttpEntity<>(health), String.class).getStatusCode())
          .as(path).isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(rest.exchange("/engine-rest/task", HttpMethod.GET, new HttpEntity<>(health), String.class)
        .getStatusCode()).as("the engine's API takes no keys").isEqualTo(HttpStatus.UNAUTHORIZED);

    HttpHeaders unknown = from(newAddress());
    unknown.set(PartnerApiKeys.HEADER, healthKey + "x");
    ResponseEntity<String> refused = reply(unknown);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(refused.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
  }

  @Test
  void aGenuineUserIsKeptOutOnlyAtTheFloodingAddressAndForAtMostTheLongestBlock() throws Exception {
    String user = "accounts-coordinator-" + RUN;
    TestUsers.create(identity, user, PASSWORD, PathwayGroups.COORDINATORS);
    String attacker = newAddress();
    for (int i = 0; i < 20; i++) {
      tasks(attacker, user, "guess-" + i);
    }
    ResponseEntity<String> refused = tasks(attacker, user, PASSWORD);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(refused.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
    assertThat(refused.getBody()).contains("Try again in");
    long retryAfter = Long.parseLong(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER));
    assertThat(retryAfter).isBetween(1L, 2L);

    assertThat(tasks(newAddress(), user, PASSWORD).getStatusCode()).as("the account itself is not locked")
        .isEqualTo(HttpStatus.OK);
    Thread.sleep(retryAfter * 1000 + 200);
    assertThat(tasks(attacker, user, PASSWORD).getStatusCode()).as("the address may try again after the block")
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  void theWebappsSignInIsThrottledToo() {
    String user = "accounts-webapp-" + RUN;
    TestUsers.create(identity, user, PASSWORD, PathwayGroups.COORDINATORS);
    String attacker = newAddress();
    List<HttpStatus> answers = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      answers.add(HttpStatus.valueOf(webappSignIn(attacker, user, "guess-" + i).getStatusCode().value()));
    }
    assertThat(answers.subList(0, 11)).containsOnly(HttpStatus.UNAUTHORIZED);
    assertThat(answers.get(11)).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(webappSignIn(newAddress(), user, PASSWORD).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void requestsThatCameOverTlsGetHsts() {
    HttpHeaders tls = from(newAddress());
    tls.set("X-Forwarded-Proto", "https");
    for (String path : new String[] {"/api/cases", "/engine-rest/task", "/camunda/app/tasklist/default/",
        "/actuator/health"}) {
      ResponseEntity<String> overTls = rest.exchange(path, HttpMethod.GET, new HttpEntity<>(tls), String.class);
      assertThat(overTls.getHeaders().getFirst("Strict-Transport-Security")).as(path)
          .isEqualTo("max-age=31536000; includeSubDomains");
      ResponseEntity<String> plain = rest.exchange(path, HttpMethod.GET, new HttpEntity<>(from(newAddress())),
          String.class);
      assertThat(plain.getHeaders().getFirst("Strict-Transport-Security")).as(path).isNull();
    }
  }

  private ResponseEntity<String> reply(HttpHeaders headers) {
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.exchange("/api/cases/" + caseId + "/partner-responses", HttpMethod.POST, new HttpEntity<>(Map.of(
        "agency", "police", "summary", "Known: two incidents in 2026.", "holdsInformation", true,
        "respondedBy", "PC Jones", "partnerReference", "POL-" + RUN), headers), String.class);
  }

  private ResponseEntity<String> tasks(String address, String user, String password) {
    HttpHeaders headers = from(address);
    headers.setBasicAuth(user, password);
    return rest.exchange("/engine-rest/task", HttpMethod.GET, new HttpEntity<>(headers), String.class);
  }

  /** Signs in as Tasklist's login page does. */
  private ResponseEntity<String> webappSignIn(String address, String user, String password) {
    Map<String, String> cookies = new HashMap<>();
    ResponseEntity<String> page = rest.exchange("/camunda/app/tasklist/default/", HttpMethod.GET,
        new HttpEntity<>(from(address)), String.class);
    for (String setCookie : page.getHeaders().getOrDefault(HttpHeaders.SET_COOKIE, List.of())) {
      String pair = setCookie.split(";", 2)[0];
      cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
    }
    HttpHeaders headers = from(address);
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    headers.set(HttpHeaders.COOKIE, String.join("; ", cookies.entrySet().stream()
        .map(cookie -> cookie.getKey() + "=" + cookie.getValue()).toList()));
    headers.set("X-XSRF-TOKEN", cookies.getOrDefault("XSRF-TOKEN", ""));
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("username", user);
    form.add("password", password);
    return rest.exchange("/camunda/api/admin/auth/user/default/login/tasklist", HttpMethod.POST,
        new HttpEntity<>(form, headers), String.class);
  }

  private static HttpHeaders from(String address) {
    HttpHeaders headers = new HttpHeaders();
    headers.set("X-Forwarded-For", address);
    return headers;
  }

  /** An address of the documentation range (RFC 5737), new for every use: each test floods from its own. */
  private static String newAddress() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return "198.51." + random.nextInt(0, 256) + "." + random.nextInt(1, 255);
  }
}

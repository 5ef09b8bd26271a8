package org.partnershippathways.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnershippathways.testsupport.PathwaysIntegrationTest;
import org.partnershippathways.testsupport.RawHttp;
import org.partnershippathways.testsupport.RawHttp.Answer;
import org.partnershippathways.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Bodies mean what they say on every write endpoint of ours, and every error, ours or the container's, is problem
 * details naming what to fix.
 */
@PathwaysIntegrationTest
class ApiErrorsIT {

  static final String PASSWORD = UUID.randomUUID().toString();
  static final String COORDINATOR = "it-errors-coordinator-" + UUID.randomUUID().toString().substring(0, 8);
  static final String VICTIM = "it-errors-victim-" + UUID.randomUUID().toString().substring(0, 8);
  static final String CONCERNS = "/api/concerns";
  static final String REASSIGN = "/api/actions/no-such-action/reassign";
  static final String REPLIES = "/api/cases/no-such-case/partner-responses";

  @Autowired IdentityService identity;
  @LocalServerPort int port;
  RawHttp http;
  final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void coordinator() {
    TestUsers.create(identity, COORDINATOR, PASSWORD, "coordinators", "police");
    TestUsers.create(identity, VICTIM, PASSWORD, "coordinators");
    http = new RawHttp(port);
  }

  static String concern(String immediateRisk, String child) {
    return """
        {"referrer": {"name": "PC Jones", "agency": "police", "contact": "01234 567890"},
         "person": {"givenName": "Alex", "familyName": "Strict", "dateOfBirth": "2011-04-23",
                    "address": "1 High Street", "child": %s},
         "concernCategories": ["EXPLOITATION"],
         "description": "Seen at night", "immediateRisk": %s, "consentObtained": true}"""
        .formatted(child, immediateRisk);
  }

  private Answer post(String path, String body) {
    return http.post(path, COORDINATOR, PASSWORD, body);
  }

  private JsonNode problem(Answer answer) throws Exception {
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.body()).doesNotContain("Exception").doesNotContain("java.").doesNotContain("at org.");
    return json.readTree(answer.body());
  }

  private void refusedNaming(Answer answer, String field, String words) throws Exception {
    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    JsonNode error = problem(answer).path("errors").get(0);
    assertThat(error.path("field").asText()).isEqualTo(field);
    assertThat(error.path("message").asText()).contains(words);
  }

  @Test
  void aKeyGivenTwiceIsRefusedNamingIt() throws Exception {
    refusedNaming(post(CONCERNS, concern("false", "true").replace("}\n", ", \"immediateRisk\": true}\n")
        .replaceFirst("\"consentObtained\": true}", "\"consentObtained\": true, \"consentObtained\": false}")),
        "consentObtained", "more than once");
    refusedNaming(post(CONCERNS, concern("false", "true").replace("\"child\": true", "\"child\": true, \"child\": "
        + "false")), "person.child", "more than once");
    refusedNaming(post(REASSIGN, "{\"agency\": \"health\", \"reason\": \"x\", \"agency\": \"police\"}"),
        "agency", "more than once");
    refusedNaming(post(REPLIES, "{\"agency\": \"police\", \"summary\": \"s\", \"holdsInformation\": true, "
        + "\"respondedBy\": \"r\", \"partnerReference\": \"p\", \"summary\": \"t\"}"), "summary", "more than once");
  }

  @Test
  void valuesOfTheWrongTypeAreRefusedNotGuessed() throws Exception {
    refusedNaming(post(CONCERNS, concern("-1", "true")), "immediateRisk", "true or false");
    refusedNaming(post(CONCERNS, concern("false", "0")), "person.child", "true or false");
    refusedNaming(post(CONCERNS, concern("\"true\"", "true")), "immediateRisk", "true or false");
    refusedNaming(post(CONCERNS, concern("false", "true").replace("\"PC Jones\"", "42")), "referrer.name",
        "text in quotes");
    refusedNaming(post(CONCERNS, concern("false", "true").replace("[\"EXPLOITATION\"]", "\"EXPLOITATION\"")),
        "concernCategories", "list");
    refusedNaming(post(REPLIES, "{\"agency\": \"police\", \"holdsInformation\": 1}"), "holdsInformation",
        "true or false");
    refusedNaming(post("/api/actions/no-such-action/due-date", "{\"dueDate\": 20260101, \"reason\": \"r\"}"),
        "dueDate", "date");
  }

  @Test
  void anythingAfterTheJsonOrAFieldWeDoNotKnowIsRefused() throws Exception {
    refusedNaming(post(CONCERNS, concern("false", "true") + " {}"), "body", "nothing after it");
    refusedNaming(post(REASSIGN, "{\"agency\": \"health\", \"reason\": \"x\"} garbage"), "body", "");
    refusedNaming(post(REASSIGN, "{\"agency\": \"health\", \"reasn\": \"x\"}"), "reasn", "not a field");
    refusedNaming(post(CONCERNS, "{\"referrer\": {"), "body", "JSON");
  }

  @Test
  void aMissingOrForeignContentTypeIs415InOurFormat() throws Exception {
    byte[] body = "{\"agency\": \"health\"}".getBytes(StandardCharsets.UTF_8);
    for (String path : new String[] {CONCERNS, REASSIGN, REPLIES}) {
      Answer none = http.post(path, COORDINATOR, PASSWORD, null, body);
      Answer text = http.post(path, COORDINATOR, PASSWORD, "text/plain", body);
      Answer wildcard = http.post(path, COORDINATOR, PASSWORD, "*/*", body);
      Answer nonsense = http.post(path, COORDINATOR, PASSWORD, "json please", body);
      assertThat(none.status()).as(path).isEqualTo(415);
      assertThat(text.status()).as(path).isEqualTo(415);
      assertThat(wildcard.status()).as(path).isEqualTo(415);
      assertThat(nonsense.status()).as(path).isEqualTo(415);
      problem(wildcard);
      assertThat(problem(text).path("detail").asText()).contains("Content-Type: application/json");
    }
  }

  @Test
  void aBodyOverTheLimitIs413WhetherItsLengthIsDeclaredOrNot() throws Exception {
    byte[] large = ("{\"description\": \"" + "x".repeat(70 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);

    Answer declared = http.post(CONCERNS, COORDINATOR, PASSWORD, "application/json", large);
    Answer chunked = http.postChunked(REASSIGN, COORDINATOR, PASSWORD, large);

    assertThat(declared.status()).isEqualTo(413);
    assertThat(problem(declared).path("detail").asText()).contains("64 KB");
    assertThat(chunked.status()).isEqualTo(413);
    problem(chunked);
  }

  @Test
  void anErrorNeverRepeatsAHugeRequest() throws Exception {
    String manyUnknown = "\"" + "NOT_A_CATEGORY_".repeat(20) + "\", ";
    String body = concern("false", "true").replace("[\"EXPLOITATION\"]",
        "[" + manyUnknown.repeat(150) + "\"EXPLOITATION\"]");
    assertThat(body.length()).isGreaterThan(40_000);

    Answer answer = post(CONCERNS, body);

    refusedNaming(answer, "concernCategories[0]", "not a concern category (nor are 149 more)");
    assertThat(answer.body().length()).isLessThan(1_000);
    assertThat(answer.body()).doesNotContain("NOT_A_CATEGORY_");
  }

  @Test
  void signInRefusalsUnknownAddressesAndMethodsAreProblemDetails() throws Exception {
    Answer anonymous = http.post(CONCERNS, null, null, concern("false", "true"));
    Answer wrongPassword = http.post(CONCERNS, VICTIM, "wrong", concern("false", "true"));
    Answer engineAnonymous = http.send("GET", "/engine-rest/task", null, null, null,
        java.net.http.HttpRequest.BodyPublishers.noBody());
    Answer metricsAnonymous = http.send("GET", "/actuator/metrics", null, null, null,
        java.net.http.HttpRequest.BodyPublishers.noBody());
    Answer unknown = http.send("GET", "/api/no-such-thing", COORDINATOR, PASSWORD, null,
        java.net.http.HttpRequest.BodyPublishers.noBody());
    Answer wrongMethod = http.send("PUT", CONCERNS, COORDINATOR, PASSWORD, "application/json",
        java.net.http.HttpRequest.BodyPublishers.ofString("{}"));
    Answer outsideTheApi = http.send("GET", "/no-such-page", null, null, null,
        java.net.http.HttpRequest.BodyPublishers.noBody());

    for (Answer signIn : new Answer[] {anonymous, wrongPassword, engineAnonymous, metricsAnonymous}) {
      assertThat(signIn.status()).isEqualTo(401);
      assertThat(problem(signIn).path("detail").asText()).contains("Sign in");
    }
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(problem(unknown).path("detail").asText()).isEqualTo("There is nothing at this address.");
    assertThat(wrongMethod.status()).isEqualTo(405);
    assertThat(problem(wrongMethod).path("detail").asText()).contains("PUT");
    assertThat(outsideTheApi.status()).isEqualTo(404);
    problem(outsideTheApi);
  }

  @Test
  void tomcatsOwnRefusalOfAMalformedAddressIsProblemDetailsToo() throws Exception {
    String answer = http.rawExchange("GET /api/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

    assertThat(answer).startsWith("HTTP/1.1 400");
    assertThat(answer).contains("application/problem+json").doesNotContainIgnoringCase("<html")
        .doesNotContain("Tomcat");
    assertThat(answer.substring(answer.indexOf("\r\n\r\n"))).contains("\"errors\"");
  }
}

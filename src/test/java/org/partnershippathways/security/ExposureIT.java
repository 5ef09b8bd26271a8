package org.partnershippathways.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnershippathways.testsupport.PathwaysIntegrationTest;
import org.partnershippathways.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Issue 11 item 8: the security headers on our API, the engine's REST API and the webapps; health for anyone
 * without details; metrics only for the monitoring account and administrators.
 */
@PathwaysIntegrationTest
class ExposureIT {

  static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  static final String COORDINATOR = "exposure-coordinator-" + RUN;
  static final String SCRAPER = "exposure-scraper-" + RUN;
  static final String PASSWORD = "exposure-" + RUN;

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identity;

  @BeforeEach
  void users() {
    TestUsers.create(identity, COORDINATOR, PASSWORD, PathwayGroups.COORDINATORS);
    TestUsers.create(identity, SCRAPER, PASSWORD, PathwayGroups.MONITORING);
  }

  @Test
  void ourApiIsNeverStoredFramedOrSniffed() {
    ResponseEntity<String> cases = as(COORDINATOR).getForEntity("/api/cases/" + UUID.randomUUID()
        + "/partner-responses", String.class);
    assertApiHeaders(cases.getHeaders());
    assertApiHeaders(rest.getForEntity("/api/cases", String.class).getHeaders());
  }

  @Test
  void theEngineApiIsNeverStoredFramedOrSniffed() {
    ResponseEntity<String> tasks = as(COORDINATOR).getForEntity("/engine-rest/task", String.class);
    assertThat(tasks.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertApiHeaders(tasks.getHeaders());
  }

  @Test
  void theWebappsKeepCamundasPolicyAndAreNeitherFramedNorSniffed() {
    ResponseEntity<String> page = rest.getForEntity("/camunda/app/tasklist/default/", String.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    HttpHeaders headers = page.getHeaders();
    assertThat(headers.get("X-Content-Type-Options")).containsExactly("nosniff");
    assertThat(headers.getFirst("Content-Security-Policy")).contains("frame-ancestors 'none'")
        .contains("script-src 'nonce-");
    assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
    assertThat(headers.getFirst("Referrer-Policy")).isEqualTo("same-origin");
    assertThat(headers.getFirst("Strict-Transport-Security")).as("plain HTTP: no HSTS").isNull();

    ResponseEntity<String> webappApi = rest.getForEntity("/camunda/api/engine/engine/", String.class);
    assertThat(webappApi.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(webappApi.getHeaders().get("Cache-Control")).as("not Camunda's no-cache").containsExactly("no-store");
  }

  @Test
  void healthIsOpenToAnyoneWithoutDetails() {
    ResponseEntity<String> health = rest.getForEntity("/actuator/health", String.class);
    assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(health.getBody()).contains("\"status\":\"UP\"").doesNotContain("details")
        .doesNotContain("database").doesNotContain("version");
  }

  @Test
  void metricsNeedTheMonitoringAccount() {
    for (String path : new String[] {"/actuator/prometheus", "/actuator/metrics", "/actuator/metrics/jvm.threads.live"}) {
      assertThat(rest.getForEntity(path, String.class).getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
      assertThat(rest.withBasicAuth("nobody-" + RUN, PASSWORD).getForEntity(path, String.class).getStatusCode())
          .as(path)
          .isEqualTo(HttpStatus.UNAUTHORIZED);
      ResponseEntity<String> coordinator = as(COORDINATOR).getForEntity(path, String.class);
      assertThat(coordinator.getStatusCode()).as(path).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(coordinator.getBody()).doesNotContain("jvm");
      ResponseEntity<String> scraper = as(SCRAPER).getForEntity(path, String.class);
      assertThat(scraper.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
      assertThat(scraper.getBody()).contains("jvm");
      assertThat(scraper.getHeaders().get("Cache-Control")).containsExactly("no-store");
    }
  }

  private TestRestTemplate as(String user) {
    return rest.withBasicAuth(user, PASSWORD);
  }

  private static void assertApiHeaders(HttpHeaders headers) {
    assertThat(headers.get("X-Content-Type-Options")).containsExactly("nosniff");
    assertThat(headers.get("Cache-Control")).containsExactly("no-store");
    assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
    assertThat(headers.getFirst("Referrer-Policy")).isEqualTo("same-origin");
    assertThat(headers.getFirst("Content-Security-Policy")).isEqualTo("default-src 'none'; frame-ancestors 'none'");
    assertThat(headers.getFirst("Strict-Transport-Security")).as("plain HTTP: no HSTS").isNull();
  }
}

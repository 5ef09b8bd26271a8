package org.partnershippathways.timings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnershippathways.testsupport.PathwaysIntegrationTest;
import org.partnershippathways.timings.cockpit.TimingsPluginBridge;
import org.partnershippathways.testsupport.WebappCookies;
import org.partnershippathways.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** The Cockpit plugin: its script is served, its data answers Cockpit's session, for managers only. */
@PathwaysIntegrationTest
class TimingsCockpitPluginIT {

  private static final String PLUGIN = "/camunda/api/cockpit/plugin/pathway-timings";

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identityService;
  @Autowired ApplicationContext application;

  /**
   * Cockpit's plugin reaches the timings through a static holder that the last application started fills; the tests
   * run several applications in one JVM (one per test configuration), so this test points it at its own.
   */
  @BeforeEach
  void thePluginReachesThisApplication() {
    application.getAutowireCapableBeanFactory().createBean(TimingsPluginBridge.class);
  }

  @Test
  void servesThePluginScript() {
    ResponseEntity<String> script = rest.getForEntity(PLUGIN + "/static/app/plugin.js", String.class);
    assertThat(script.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(script.getBody()).contains("cockpit.route", "cockpit.navigation", "export default");
  }

  @Test
  void theCockpitSessionOfAManagerGetsTheSameFiguresAsTheApi() {
    String password = UUID.randomUUID().toString();
    String manager = user(password, "managers");
    Map<String, String> session = cockpitLogin(manager, password);

    ResponseEntity<Map> plugin = get(session, PLUGIN + "/default/timings?from=2026-01-05&to=2026-03-29", Map.class);
    Map<?, ?> api = rest.withBasicAuth(manager, password)
        .getForObject("/api/timings?from=2026-01-05&to=2026-03-29", Map.class);

    assertThat(plugin.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(plugin.getBody().get("stages")).isEqualTo(api.get("stages"));
    assertThat(plugin.getBody().get("trend")).isEqualTo(api.get("trend"));
    assertThat(get(session, PLUGIN + "/default/timings/access", String.class).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    ResponseEntity<String> csv = get(session, PLUGIN + "/default/timings/csv?table=trend", String.class);
    assertThat(csv.getBody()).startsWith("Week,Cases started,Cases closed,Median case duration (working days)\r\nw/c ");

    ResponseEntity<Map> invalid = get(session, PLUGIN + "/default/timings?from=2026-02-30", Map.class);
    assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((List<Map<String, String>>) invalid.getBody().get("errors")).extracting(e -> e.get("field"))
        .containsExactly("from");
  }

  @Test
  void otherCockpitUsersAreRefused() {
    String password = UUID.randomUUID().toString();
    String owner = user(password, "process-owners");
    Map<String, String> session = cockpitLogin(owner, password);

    assertThat(get(session, PLUGIN + "/default/timings", String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get(session, PLUGIN + "/default/timings/access", String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get(session, PLUGIN + "/default/timings/csv", String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get(Map.of(), PLUGIN + "/default/timings", String.class).getStatusCode().is4xxClientError()).isTrue();
  }

  private <T> ResponseEntity<T> get(Map<String, String> cookies, String url, Class<T> type) {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.COOKIE, WebappCookies.header(cookies));
    if (cookies.containsKey("XSRF-TOKEN")) {
      headers.set("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"));
    }
    return rest.exchange(url, HttpMethod.GET, new HttpEntity<>(headers), type);
  }

  /** Signs in as Cockpit's login page does; returns the session's cookies. */
  private Map<String, String> cockpitLogin(String userId, String password) {
    Map<String, String> cookies = new HashMap<>();
    WebappCookies.keep(cookies, rest.getForEntity("/camunda/app/cockpit/default/", String.class));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    headers.set(HttpHeaders.COOKIE, WebappCookies.header(cookies));
    headers.set("X-XSRF-TOKEN", cookies.getOrDefault("XSRF-TOKEN", ""));
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("username", userId);
    form.add("password", password);
    ResponseEntity<String> login = rest.exchange("/camunda/api/admin/auth/user/default/login/cockpit",
        HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
    assertThat(login.getStatusCode()).as("Cockpit login of " + userId).isEqualTo(HttpStatus.OK);
    WebappCookies.keep(cookies, login);
    return cookies;
  }



  private String user(String password, String group) {
    String id = group + "-" + UUID.randomUUID().toString().substring(0, 8);
    TestUsers.create(identityService, id, password, group);
    return id;
  }
}

package org.partnershippathways.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** A webapp session as a browser keeps it: the cookies it was given, sent back with the CSRF token. */
public final class WebappCookies {

  private WebappCookies() {
  }

  /** Keeps the cookies {@code response} sets. */
  public static void keep(Map<String, String> cookies, ResponseEntity<?> response) {
    for (String setCookie : response.getHeaders().getOrDefault(HttpHeaders.SET_COOKIE, List.<String>of())) {
      String pair = setCookie.split(";", 2)[0];
      int equals = pair.indexOf('=');
      cookies.put(pair.substring(0, equals), pair.substring(equals + 1));
    }
  }

  /** The {@code Cookie} header's value. */
  public static String header(Map<String, String> cookies) {
    return String.join("; ", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
  }

  /** Headers of a request in the session: its cookies and the CSRF token the webapps ask for. */
  public static HttpHeaders sessionHeaders(Map<String, String> cookies) {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.COOKIE, header(cookies));
    headers.set("X-XSRF-TOKEN", cookies.getOrDefault("XSRF-TOKEN", ""));
    return headers;
  }

  /** A Tasklist session of the user, signed in as a browser does (login form, then the CSRF token). */
  public static Map<String, String> tasklistSession(TestRestTemplate rest, String user, String password) {
    Map<String, String> cookies = new HashMap<>();
    keep(cookies, rest.getForEntity("/camunda/app/tasklist/default/", String.class));
    HttpHeaders headers = sessionHeaders(cookies);
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("username", user);
    form.add("password", password);
    ResponseEntity<String> login = rest.exchange("/camunda/api/admin/auth/user/default/login/tasklist",
        HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
    assertThat(login.getStatusCode().value()).isEqualTo(200);
    keep(cookies, login);
    keep(cookies, rest.exchange("/camunda/api/admin/auth/user/default", HttpMethod.GET,
        new HttpEntity<>(sessionHeaders(cookies)), String.class));
    return cookies;
  }
}

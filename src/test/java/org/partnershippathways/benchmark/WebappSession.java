package org.partnershippathways.benchmark;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A signed-in session of one of Camunda's webapps (Tasklist, Cockpit), as the browser holds it: the XSRF cookie from
 * the app's page, the form login, then the session cookie and the XSRF token on every request. The engine's
 * authorization checks apply to each request; no password is checked per request.
 */
final class WebappSession {

  static final String ENGINE_API = "/camunda/api/engine/engine/default";

  private final CookieManager cookies = new CookieManager();
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .cookieHandler(cookies).build();
  private final String baseUrl;

  /** Signs in to {@code app} ({@code tasklist}, {@code cockpit}) as its login page does. */
  WebappSession(String baseUrl, String app, String user, String password) throws Exception {
    this.baseUrl = baseUrl;
    http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/camunda/app/" + app + "/default/")).build(),
        HttpResponse.BodyHandlers.discarding());
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
        + URLEncoder.encode(password, StandardCharsets.UTF_8);
    HttpResponse<String> login = http.send(HttpRequest.newBuilder(
            URI.create(baseUrl + "/camunda/api/admin/auth/user/default/login/" + app))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", xsrfToken())
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    if (login.statusCode() != 200) {
      throw new IllegalStateException(app + " login of " + user + " answered " + login.statusCode());
    }
  }

  private String xsrfToken() {
    return cookies.getCookieStore().getCookies().stream().filter(cookie -> "XSRF-TOKEN".equals(cookie.getName()))
        .map(HttpCookie::getValue).findFirst().orElse("");
  }

  HttpResponse<String> get(String path, String accept) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", accept)
        .header("X-XSRF-TOKEN", xsrfToken()).build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, String body, String accept) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("X-XSRF-TOKEN", xsrfToken())
        .header("Content-Type", "application/json").header("Accept", accept)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}

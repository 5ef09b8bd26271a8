package org.partnershippathways.testsupport;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

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
}

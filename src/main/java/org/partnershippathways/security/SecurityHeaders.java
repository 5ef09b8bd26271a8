package org.partnershippathways.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.List;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security headers on every answer of the application: no content sniffing, no framing by other sites, no
 * referrer to other sites, HSTS on secure requests (TLS at the server, or at a proxy whose forwarded headers the
 * server trusts). Answers of the APIs ({@code /api}, {@code /engine-rest}, the webapps' {@code /camunda/api} and
 * {@code /actuator}) may hold personal data: they are never stored by a browser or proxy ({@code no-store}, which
 * a later filter cannot weaken) and may load nothing ({@code Content-Security-Policy: default-src 'none'}).
 * The webapps' pages keep the policy of Camunda's own header filter ({@code camunda.bpm.webapp.header-security}),
 * whose {@code frame-ancestors 'none'} forbids framing too. Those pages ({@code /camunda/app/<app>/<engine>/}) are
 * never stored either: each one carries a fresh script nonce matching its own policy header, and a browser that
 * reused a stored page on reload ran none of its scripts (an endless spinner in Tasklist).
 */
class SecurityHeaders extends OncePerRequestFilter {

  static final String HSTS = "max-age=31536000; includeSubDomains";
  static final String NO_STORE = "no-store";
  private static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";
  private static final List<String> API_PATHS = List.of("/api/", "/engine-rest/", "/camunda/api/", "/actuator/");
  private static final List<String> STANDALONE_APIS = List.of("/api/", "/engine-rest/", "/actuator/");

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "same-origin");
    if (request.isSecure()) {
      response.setHeader("Strict-Transport-Security", HSTS);
    }
    String path = request.getRequestURI().substring(request.getContextPath().length()) + "/";
    if (API_PATHS.stream().noneMatch(path::startsWith)) {
      if (isWebappPage(path)) {
        response.setHeader("Cache-Control", NO_STORE);
      }
      chain.doFilter(request, response);
      return;
    }
    if (STANDALONE_APIS.stream().anyMatch(path::startsWith)) {
      response.setHeader("Content-Security-Policy", API_POLICY);
    }
    response.setHeader("Cache-Control", NO_STORE);
    chain.doFilter(request, new NeverStored(response));
  }

  private static boolean isWebappPage(String pathWithSlash) {
    return pathWithSlash.startsWith("/camunda/app/") && pathWithSlash.endsWith("//");
  }

  /** Keeps {@code Cache-Control: no-store}: Camunda's webapp API sets {@code no-cache} on its GETs. */
  private static final class NeverStored extends HttpServletResponseWrapper {

    NeverStored(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void setHeader(String name, String value) {
      super.setHeader(name, isCacheControl(name) ? NO_STORE : value);
    }

    @Override
    public void addHeader(String name, String value) {
      if (isCacheControl(name)) {
        super.setHeader(name, NO_STORE);
      } else {
        super.addHeader(name, value);
      }
    }

    private static boolean isCacheControl(String name) {
      return "Cache-Control".equalsIgnoreCase(name);
    }
  }
}

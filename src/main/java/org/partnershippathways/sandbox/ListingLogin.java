package org.partnershippathways.sandbox;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What the partners received ({@code /sandbox/...}) is personal data: it is shown only to {@value #USER} with the
 * sandbox password ({@code PATHWAYS_SANDBOX_PASSWORD}, in the demo the demo password), and not at all when no
 * password is set.
 */
@Component
class ListingLogin extends OncePerRequestFilter {

  static final String USER = "sandbox";

  private final SandboxProperties properties;

  ListingLogin(SandboxProperties properties) {
    this.properties = properties;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().startsWith("/sandbox");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    response.setHeader("Cache-Control", "no-store");
    String password = properties.password();
    if (password == null || password.isBlank()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND, "The listing is off: no sandbox password is set.");
      return;
    }
    if (!signedIn(request.getHeader("Authorization"), password)) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"partner sandbox\", charset=\"UTF-8\"");
      response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "Sign in as " + USER + " with the sandbox password.");
      return;
    }
    chain.doFilter(request, response);
  }

  private static boolean signedIn(String authorization, String password) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return false;
    }
    byte[] given;
    try {
      given = Base64.getDecoder().decode(authorization.substring(6).trim());
    } catch (IllegalArgumentException notBase64) {
      return false;
    }
    return MessageDigest.isEqual(given, (USER + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}

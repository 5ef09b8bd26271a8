package org.partnershippathways.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.partnershippathways.platform.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * In front of every password check: HTTP Basic on {@code /api}, {@code /engine-rest} and the metrics, and the
 * webapps' sign-in ({@code POST /camunda/api/admin/auth/user/{engine}/login/{app}}). A refused address gets 429
 * with {@code Retry-After} and its credentials are not even checked; a 401 counts as a failed sign-in. Partner
 * systems' API keys are not passwords (too long to guess) and pass untouched.
 */
class SignInThrottleFilter extends OncePerRequestFilter {

  private final SignInThrottle throttle;

  SignInThrottleFilter(SignInThrottle throttle) {
    this.throttle = throttle;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !isWebappSignIn(request) && !hasBasicCredentials(request);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String address = request.getRemoteAddr();
    Duration refused = throttle.refusedFor(address);
    if (!refused.isZero()) {
      tooMany(response, refused);
      return;
    }
    chain.doFilter(request, response);
    if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
      throttle.failed(address, isWebappSignIn(request) ? "(webapp sign-in)" : basicUserName(request));
    }
  }

  private static boolean isWebappSignIn(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return "POST".equals(request.getMethod()) && path.startsWith("/camunda/api/admin/auth/user/")
        && path.contains("/login/");
  }

  private static boolean hasBasicCredentials(HttpServletRequest request) {
    String authorization = request.getHeader("Authorization");
    return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
  }

  private static String basicUserName(HttpServletRequest request) {
    try {
      String decoded = new String(Base64.getDecoder().decode(request.getHeader("Authorization").substring(6).trim()),
          StandardCharsets.UTF_8);
      String name = decoded.contains(":") ? decoded.substring(0, decoded.indexOf(':')) : decoded;
      return name.length() > 64 ? name.substring(0, 64) + "..." : name;
    } catch (IllegalArgumentException notBase64) {
      return "(unreadable)";
    }
  }

  private static void tooMany(HttpServletResponse response, Duration refused) throws IOException {
    long seconds = Math.max(1, (refused.toMillis() + 999) / 1000);
    response.setHeader("Retry-After", Long.toString(seconds));
    ProblemResponses.write(response, HttpStatus.TOO_MANY_REQUESTS.value(),
        "Too many failed sign-ins from your address. Try again in " + seconds + " seconds.");
  }
}

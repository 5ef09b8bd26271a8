package org.partnershippathways.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.partnershippathways.platform.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /actuator/metrics} and {@code /actuator/prometheus} only for members of {@code monitoring} (a scraper's
 * account, no other rights) and administrators, signed in with HTTP Basic before this filter runs.
 */
class MetricsAccess extends OncePerRequestFilter {

  private final CurrentUser currentUser;

  MetricsAccess(CurrentUser currentUser) {
    this.currentUser = currentUser;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (currentUser.isMemberOf(PathwayGroups.MONITORING) || currentUser.isMemberOf(PathwayGroups.ADMINISTRATORS)) {
      chain.doFilter(request, response);
      return;
    }
    ProblemResponses.write(response, HttpStatus.FORBIDDEN.value(), "Metrics are for the monitoring account and administrators only.");
  }
}

package org.partnershippathways.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A body on our API ({@code /api/*}) declared as a wildcard ({@code *}{@code /*}, {@code application/*}) or as
 * something that is no media type at all answers 415 here: Spring MVC would fail on it with a 500.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 15)
class ContentTypeCheck extends OncePerRequestFilter {

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return request.getContentType() == null
        || !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    boolean usable;
    try {
      MediaType type = MediaType.parseMediaType(request.getContentType());
      usable = !type.isWildcardType() && !type.isWildcardSubtype();
    } catch (InvalidMediaTypeException notAMediaType) {
      usable = false;
    }
    if (usable) {
      chain.doFilter(request, response);
    } else {
      ProblemResponses.write(response, 415, ProblemResponses.sentenceFor(415, request.getMethod()));
    }
  }
}

package org.partnershippathways.platform;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.EnumSet;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The one way our configurations put a filter in front of URLs (the engine's REST API, ours and the webapps'): what
 * the filter does to a request is a {@link Step}, run once per request (not again on a forward or an error page),
 * and the filter is registered either with the filters Spring Boot registers or after Camunda's webapp filters.
 */
public final class RequestFilters {

  /** What a filter does with a request: answer it, or pass it on with {@code chain.doFilter}. */
  @FunctionalInterface
  public interface Step {
    void filter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException;
  }

  private RequestFilters() {
  }

  /** Registered by Spring Boot, which adds all such filters before any other initializer's. */
  public static FilterRegistrationBean<OncePerRequestFilter> registered(String name, Step step,
      String... urlPatterns) {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(oncePerRequest(step));
    registration.setName(name);
    registration.addUrlPatterns(urlPatterns);
    return registration;
  }

  /**
   * Added after Camunda's webapp filters (sign-in, CSRF), so that it sees the caller signed in: not a
   * {@link FilterRegistrationBean}, which Spring Boot registers before any other initializer, but a
   * {@link ServletContextInitializer} of the configuration that runs after the webapps', mapped after theirs.
   */
  public static ServletContextInitializer afterTheWebapps(String name, Step step, String... urlPatterns) {
    OncePerRequestFilter filter = oncePerRequest(step);
    return servletContext -> servletContext.addFilter(name, filter)
        .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, urlPatterns);
  }

  private static OncePerRequestFilter oncePerRequest(Step step) {
    return new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        step.filter(request, response, chain);
      }
    };
  }
}

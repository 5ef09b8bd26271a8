package org.partnershippathways.security;

import java.time.Clock;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The application's HTTP perimeter. The engine's REST API and ours take HTTP Basic credentials of engine users,
 * checked by Camunda's own filter, so that engine authorizations and our agency checks see the same user and
 * groups; the metrics take them too; partner systems sign in to our API with their keys ({@link ApiSignIn}).
 * Failed sign-ins slow down their address ({@link SignInThrottle}). Every answer gets the security headers.
 */
@Configuration
class ApiAuthentication {

  /** Filters run in this order: headers first, then sign-in, then the checks that need the signed-in user. */
  static final int HEADERS_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;
  static final int THROTTLE_ORDER = -10;
  static final int AUTHENTICATION_ORDER = 0;
  static final int AFTER_AUTHENTICATION_ORDER = 10;

  @Bean
  FilterRegistrationBean<SecurityHeaders> securityHeaders() {
    FilterRegistrationBean<SecurityHeaders> registration = new FilterRegistrationBean<>(new SecurityHeaders());
    registration.setName("security-headers");
    registration.addUrlPatterns("/*");
    registration.setOrder(HEADERS_ORDER);
    return registration;
  }

  @Bean
  SignInThrottle signInThrottle(SignInThrottleProperties settings) {
    return new SignInThrottle(settings, Clock.systemUTC());
  }

  @Bean
  FilterRegistrationBean<SignInThrottleFilter> signInThrottleFilter(SignInThrottle throttle) {
    FilterRegistrationBean<SignInThrottleFilter> registration =
        new FilterRegistrationBean<>(new SignInThrottleFilter(throttle));
    registration.setName("sign-in-throttle");
    registration.addUrlPatterns("/api/*", "/engine-rest/*", "/actuator/*", "/camunda/api/admin/auth/user/*");
    registration.setOrder(THROTTLE_ORDER);
    return registration;
  }

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    return basicAuthentication("engine-rest-authentication", "/engine-rest", "/engine-rest/*");
  }

  @Bean
  FilterRegistrationBean<ApiSignIn> pathwaysApiAuthentication(PartnerApiKeys keys, IdentityService identity) {
    FilterRegistrationBean<ApiSignIn> registration = new FilterRegistrationBean<>(new ApiSignIn(keys, identity));
    registration.setName("pathways-api-authentication");
    registration.addUrlPatterns("/api/*");
    registration.setOrder(AUTHENTICATION_ORDER);
    return registration;
  }

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> metricsAuthentication() {
    return basicAuthentication("metrics-authentication", "", "/actuator/metrics", "/actuator/metrics/*",
        "/actuator/prometheus");
  }

  @Bean
  FilterRegistrationBean<MetricsAccess> metricsAccess(CurrentUser currentUser) {
    FilterRegistrationBean<MetricsAccess> registration = new FilterRegistrationBean<>(new MetricsAccess(currentUser));
    registration.setName("metrics-access");
    registration.addUrlPatterns("/actuator/metrics", "/actuator/metrics/*", "/actuator/prometheus");
    registration.setOrder(AFTER_AUTHENTICATION_ORDER);
    return registration;
  }

  private static FilterRegistrationBean<ProcessEngineAuthenticationFilter> basicAuthentication(String name,
      String pathPrefix, String... urlPatterns) {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName(name);
    registration.addUrlPatterns(urlPatterns);
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.addInitParameter(ProcessEngineAuthenticationFilter.SERVLET_PATH_PREFIX, pathPrefix);
    registration.setOrder(AUTHENTICATION_ORDER);
    return registration;
  }
}

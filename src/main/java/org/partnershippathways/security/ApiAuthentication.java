package org.partnershippathways.security;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine's REST API and ours take HTTP Basic credentials of engine users, checked by Camunda's own filter,
 * so that engine authorizations and our agency checks see the same user and groups.
 */
@Configuration
class ApiAuthentication {

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    return basicAuthentication("engine-rest-authentication", "/engine-rest", "/engine-rest/*");
  }

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> pathwaysApiAuthentication() {
    return basicAuthentication("pathways-api-authentication", "", "/api/*");
  }

  private static FilterRegistrationBean<ProcessEngineAuthenticationFilter> basicAuthentication(String name,
      String pathPrefix, String urlPattern) {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName(name);
    registration.addUrlPatterns(urlPattern);
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.addInitParameter(ProcessEngineAuthenticationFilter.SERVLET_PATH_PREFIX, pathPrefix);
    return registration;
  }
}

package org.partnershippathways.security;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.partnershippathways.platform.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sign-in to our API: a partner system with its key ({@value PartnerApiKeys#HEADER}), for its agency's replies
 * only ({@code /api/cases/{caseId}/partner-responses}); everyone else with HTTP Basic, checked by Camunda's own
 * filter, so that engine authorizations and our agency checks see the same user and groups.
 */
class ApiSignIn extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(ApiSignIn.class);
  private static final Pattern PARTNER_REPLIES = Pattern.compile("/api/cases/[^/]+/partner-responses/?");

  private final PartnerApiKeys keys;
  private final IdentityService identity;
  private final Filter passwords = new ProcessEngineAuthenticationFilter();

  ApiSignIn(PartnerApiKeys keys, IdentityService identity) {
    this.keys = keys;
    this.identity = identity;
  }

  @Override
  protected void initFilterBean() throws ServletException {
    ServletContext context = getServletContext();
    Map<String, String> parameters = Map.of(
        ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM, HttpBasicAuthenticationProvider.class.getName(),
        ProcessEngineAuthenticationFilter.SERVLET_PATH_PREFIX, "");
    passwords.init(new FilterConfig() {
      @Override
      public String getFilterName() {
        return "pathways-api-passwords";
      }

      @Override
      public ServletContext getServletContext() {
        return context;
      }

      @Override
      public String getInitParameter(String name) {
        return parameters.get(name);
      }

      @Override
      public Enumeration<String> getInitParameterNames() {
        return Collections.enumeration(parameters.keySet());
      }
    });
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String key = request.getHeader(PartnerApiKeys.HEADER);
    if (key == null) {
      passwords.doFilter(request, response, chain);
      return;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!PARTNER_REPLIES.matcher(path).matches()) {
      ProblemResponses.write(response, HttpStatus.FORBIDDEN.value(), "A partner system's key is for its agency's replies only: "
          + "/api/cases/{caseId}/partner-responses.");
      return;
    }
    Optional<Agency> agency = keys.agencyOf(key);
    if (agency.isEmpty()) {
      LOG.warn("Refused an unknown partner key from {} for {}", request.getRemoteAddr(), path);
      response.setHeader("WWW-Authenticate", "ApiKey header=\"" + PartnerApiKeys.HEADER + "\"");
      ProblemResponses.write(response, HttpStatus.UNAUTHORIZED.value(),
          "The partner key is not known. Ask the partnership for your system's current key.");
      return;
    }
    identity.setAuthentication(PartnerApiKeys.systemUserId(agency.get()),
        List.of(agency.get().groupId(), PathwayGroups.PARTNER_SYSTEMS));
    try {
      chain.doFilter(request, response);
    } finally {
      identity.clearAuthentication();
    }
  }

  @Override
  public void destroy() {
    passwords.destroy();
  }
}

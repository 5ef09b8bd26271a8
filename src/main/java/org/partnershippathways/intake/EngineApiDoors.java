package org.partnershippathways.intake;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.partnershippathways.platform.ProblemResponses;
import org.partnershippathways.platform.RequestFilters;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The doors of the engine's REST API (ours at {@code /engine-rest}, and the webapps' at {@code /camunda/api/engine})
 * that lead around intake are shut for everyone: a process is never started with {@code .../start} (a case starts
 * with the concern form, which Tasklist submits to {@code .../submit-form}, or with {@code POST /api/concerns}),
 * and messages and signals reach cases only through the application's own endpoints (partner replies, meetings
 * held, changed actions, further concerns). The answer is a 403 that says where to go instead.
 */
@Configuration
class EngineApiDoors {

  static final Pattern SHUT = Pattern.compile(
      ".*/(process-definition/(key/[^/]+(/tenant-id/[^/]+)?|[^/]+)/start|message|signal"
          + "|execution/[^/]+/messageSubscriptions/[^/]+/trigger)/?");

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> engineApiDoorsFilter() {
    return RequestFilters.registered("engine-api-doors", (request, response, chain) -> {
      if ("POST".equals(request.getMethod()) && SHUT.matcher(request.getRequestURI()).matches()) {
        refuse(response);
        return;
      }
      chain.doFilter(request, response);
    }, "/engine-rest/*", "/camunda/api/engine/*");
  }

  private static void refuse(HttpServletResponse response) throws IOException {
    ProblemResponses.write(response, HttpStatus.FORBIDDEN.value(), "Cases are started and moved on only through the"
        + " application: raise a concern with the concern form in Tasklist or POST /api/concerns, and work a case"
        + " through its tasks. Processes cannot be started, nor messages or signals sent, through the engine's API.");
  }
}

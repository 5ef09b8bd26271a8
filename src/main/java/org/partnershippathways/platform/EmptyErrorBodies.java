package org.partnershippathways.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An error status with nothing said (the engine's authentication filter answers 401 with an empty body) gets a
 * problem-details body on our API, the engine's REST API and the actuator. Answers that carry a body of their own,
 * and errors sent to the container's error page, are left as they are.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class EmptyErrorBodies extends OncePerRequestFilter {

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !path.startsWith("/api/") && !path.startsWith("/engine-rest/") && !path.startsWith("/actuator/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    WatchedResponse watched = new WatchedResponse(response);
    chain.doFilter(request, watched);
    int status = response.getStatus();
    if (status >= 400 && !watched.bodyStarted && !watched.errorSent && !response.isCommitted()) {
      ProblemResponses.write(response, status, ProblemResponses.sentenceFor(status, request.getMethod()));
    }
  }

  private static final class WatchedResponse extends HttpServletResponseWrapper {

    private boolean bodyStarted;
    private boolean errorSent;

    WatchedResponse(HttpServletResponse response) {
      super(response);
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      bodyStarted = true;
      return super.getOutputStream();
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      bodyStarted = true;
      return super.getWriter();
    }

    @Override
    public void sendError(int status, String message) throws IOException {
      errorSent = true;
      super.sendError(status, message);
    }

    @Override
    public void sendError(int status) throws IOException {
      errorSent = true;
      super.sendError(status);
    }
  }
}

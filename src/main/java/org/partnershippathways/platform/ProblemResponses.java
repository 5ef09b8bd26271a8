package org.partnershippathways.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * The one wording and format of an error answer (RFC 9457 problem details, {@code application/problem+json}) for
 * the places that answer before or outside Spring MVC: servlet filters, the container's error page and Tomcat's
 * own error report, and the refusals of filters in other packages (sign-in, keys, metrics, the engine API's shut
 * doors). {@link ApiProblems} uses the same sentences for Spring MVC's errors.
 */
public final class ProblemResponses {

  public static final String PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON_VALUE;
  private static final ObjectMapper JSON = new ObjectMapper();

  private ProblemResponses() {
  }

  /** A sentence a person can act on for an error status, naming no internals. */
  public static String sentenceFor(int status, String method) {
    return switch (status) {
      case 400 -> "The request could not be read. Check its address, headers and body.";
      case 401 -> "Sign in first: this address needs a valid user name and password (HTTP Basic).";
      case 403 -> "You are signed in but may not do this.";
      case 404 -> "There is nothing at this address.";
      case 405 -> "This address does not accept " + (method == null ? "this kind of" : safe(method))
          + " requests.";
      case 406 -> "This address answers only in JSON: accept application/json.";
      case 408 -> "The request took too long to arrive.";
      case 413 -> "The request is too large.";
      case 414 -> "The address is too long.";
      case 415 -> "Send the body as JSON, with the header Content-Type: application/json.";
      case 429 -> "Too many requests: wait a moment, then try again.";
      case 431 -> "The request headers are too large.";
      default -> status >= 500
          ? "The request could not be completed. Nothing was changed; try again or contact support."
          : "The request was refused.";
    };
  }

  /** The body of a problem as JSON text. */
  public static String json(int status, String detail, Map<String, Object> properties) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    HttpStatus known = HttpStatus.resolve(status);
    body.put("title", known == null ? "Error" : known.getReasonPhrase());
    body.put("status", status);
    body.put("detail", detail);
    if (properties != null) {
      body.putAll(properties);
    }
    if (status == 400) {
      body.putIfAbsent("errors", List.of(new FieldProblem("request", "could not be read")));
    }
    try {
      return JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new IllegalStateException("A problem could not be written as JSON", e);
    }
  }

  /** Answers a servlet response with a problem, unless something was sent already. */
  public static void write(HttpServletResponse response, int status, String detail) throws IOException {
    write(response, status, detail, null);
  }

  public static void write(HttpServletResponse response, int status, String detail, Map<String, Object> properties)
      throws IOException {
    if (response.isCommitted()) {
      return;
    }
    response.resetBuffer();
    response.setStatus(status);
    response.setContentType(PROBLEM_JSON);
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(json(status, detail, properties));
    response.flushBuffer();
  }

  private static String safe(String method) {
    return method.length() > 20 ? method.substring(0, 20) : method;
  }
}

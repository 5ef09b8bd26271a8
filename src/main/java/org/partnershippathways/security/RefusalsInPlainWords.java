package org.partnershippathways.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.partnershippathways.platform.InvalidTaskInput;
import org.partnershippathways.platform.RequestFilters;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * A refusal by the engine reads as a sentence: Camunda answers a missing authorization with a 403 that lists the
 * user id, permission names and resource ids ({@code AuthorizationException}, {@code missingAuthorizations}), which
 * Tasklist and Cockpit show as they are, and other refusals with a Java type name. This filter puts in their place
 * a problem (RFC 9457) whose {@code detail} (and {@code message}, which the webapps show) says in plain words what
 * the role may not do. A task that is gone (done by someone else a moment before) is a 404 with a sentence: some of
 * the engine's resources answer it with a 500 ({@code NullValueException}, "Cannot find task with id ..."), and
 * so is another partnership's task or case, which the engine's tenant check refuses with a 500 too.
 */
@Configuration
class RefusalsInPlainWords {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, String> DOING = Map.ofEntries(
      Map.entry("READ", "see"), Map.entry("UPDATE", "change"), Map.entry("CREATE", "create"),
      Map.entry("DELETE", "delete"), Map.entry("ACCESS", "open"), Map.entry("READ_TASK", "see the tasks of"),
      Map.entry("UPDATE_TASK", "change the tasks of"), Map.entry("CREATE_INSTANCE", "start"),
      Map.entry("READ_INSTANCE", "see the cases of"), Map.entry("UPDATE_INSTANCE", "change the cases of"),
      Map.entry("DELETE_INSTANCE", "delete the cases of"), Map.entry("READ_HISTORY", "read the history of"),
      Map.entry("DELETE_HISTORY", "delete the history of"), Map.entry("TASK_WORK", "work on"),
      Map.entry("TASK_ASSIGN", "assign or hand back"), Map.entry("MIGRATE_INSTANCE", "migrate the cases of"),
      Map.entry("SUSPEND", "suspend"), Map.entry("SUSPEND_INSTANCE", "suspend the cases of"),
      Map.entry("UPDATE_VARIABLE", "change the variables of"),
      Map.entry("UPDATE_INSTANCE_VARIABLE", "change the variables of the cases of"),
      Map.entry("READ_VARIABLE", "see the variables of"));
  private static final Map<String, String> THING = Map.ofEntries(
      Map.entry("Task", "this task"), Map.entry("ProcessInstance", "this case's process"),
      Map.entry("ProcessDefinition", "this process"), Map.entry("Deployment", "deployments"),
      Map.entry("Filter", "Tasklist filters"), Map.entry("User", "users"), Map.entry("Group", "groups"),
      Map.entry("GroupMembership", "group memberships"), Map.entry("Authorization", "authorizations"),
      Map.entry("Tenant", "partnerships"), Map.entry("TenantMembership", "partnership memberships"),
      Map.entry("DecisionDefinition", "this decision"), Map.entry("Batch", "batch operations"),
      Map.entry("Application", "this application"), Map.entry("HistoricTask", "the history of this task"),
      Map.entry("HistoricProcessInstance", "the history of this case"), Map.entry("System", "system settings"));

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> refusalsInPlainWordsFilter() {
    return RequestFilters.registered("refusals-in-plain-words", (request, response, chain) -> {
      ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
      try {
        chain.doFilter(request, answer);
      } finally {
        if (answer.getStatus() == HttpStatus.FORBIDDEN.value()) {
          rewrite(answer);
        } else if (answer.getStatus() == HttpStatus.INTERNAL_SERVER_ERROR.value()) {
          goneAsNotFound(answer);
        } else if (answer.getStatus() == HttpStatus.BAD_REQUEST.value()) {
          withoutEngineWords(answer);
        }
        answer.copyBodyToResponse();
      }
    }, "/engine-rest/*", "/camunda/api/*");
  }

  private static void rewrite(ContentCachingResponseWrapper answer) throws IOException {
    String sentence = sentence(new String(answer.getContentAsByteArray(), StandardCharsets.UTF_8));
    if (sentence != null) {
      replace(answer, HttpStatus.FORBIDDEN, sentence);
    }
  }

  private static void goneAsNotFound(ContentCachingResponseWrapper answer) throws IOException {
    String sentence = gone(new String(answer.getContentAsByteArray(), StandardCharsets.UTF_8));
    if (sentence != null) {
      answer.setStatus(HttpStatus.NOT_FOUND.value());
      replace(answer, HttpStatus.NOT_FOUND, sentence);
    }
  }

  /**
   * The engine's 500 for a task it cannot find, or for a task or case of another partnership (its tenant check,
   * ENGINE-13034), as a sentence; null for any other error. Another partnership's is unknown, as if absent.
   */
  static String gone(String engineError) {
    JsonNode error = jsonOrNull(engineError);
    if (error == null) {
      return null;
    }
    String message = error.path("message").asText();
    if (message.contains("ENGINE-13034") && message.contains("belongs to no authenticated tenant")) {
      return "There is no such task or case in your partnership.";
    }
    if (!error.path("type").asText().equals("NullValueException")
        || !message.startsWith("Cannot find task with id")) {
      return null;
    }
    return "This task is no longer open: someone completed it, or the case moved on, a moment ago."
        + " Refresh the list of tasks.";
  }

  private static void replace(ContentCachingResponseWrapper answer, HttpStatus status, String sentence)
      throws IOException {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put("title", status.getReasonPhrase());
    problem.put("status", status.value());
    problem.put("detail", sentence);
    problem.put("message", sentence);
    answer.resetBuffer();
    answer.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    answer.setCharacterEncoding(StandardCharsets.UTF_8.name());
    answer.getOutputStream().write(JSON.writeValueAsBytes(problem));
  }

  /**
   * A form's refusal ({@code platform.InvalidTaskInput}, "Please correct the form: ...") as it was written for the
   * user: the engine's REST API puts "Cannot instantiate process definition {id}: " before a start form's.
   */
  private static void withoutEngineWords(ContentCachingResponseWrapper answer) throws IOException {
    String body = new String(answer.getContentAsByteArray(), StandardCharsets.UTF_8);
    String sentence = formCorrection(body);
    if (sentence == null) {
      return;
    }
    ObjectNode refusal = (ObjectNode) JSON.readTree(body);
    refusal.put("message", sentence);
    answer.resetBuffer();
    answer.getOutputStream().write(JSON.writeValueAsBytes(refusal));
  }

  /** The sentence of a form's refusal without what the engine put before it, or null when there is none. */
  static String formCorrection(String body) {
    JsonNode refusal = jsonOrNull(body);
    String message = refusal == null || !refusal.isObject() ? "" : refusal.path("message").asText("");
    int start = message.indexOf(InvalidTaskInput.PREFIX);
    return start > 0 ? message.substring(start) : null;
  }

  private static JsonNode jsonOrNull(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException notJson) {
      return null;
    }
  }

  /** The refusal in plain words, or null when the body is not one of Camunda's exceptions (ours are sentences). */
  static String sentence(String camundaRefusal) {
    JsonNode refusal = jsonOrNull(camundaRefusal);
    if (refusal == null || !refusal.path("type").asText().endsWith("Exception")) {
      return null;
    }
    JsonNode missing = refusal.path("missingAuthorizations").path(0);
    if (missing.isMissingNode()) {
      return refusal.path("message").asText("This is not allowed.");
    }
    String verb = DOING.get(missing.path("permissionName").asText());
    String thing = THING.get(missing.path("resourceName").asText());
    String doing = verb != null && thing != null ? verb + " " + thing : "do this";
    return "Your role does not allow you to " + doing + ". If your work needs it, ask the pathway's administrator.";
  }
}

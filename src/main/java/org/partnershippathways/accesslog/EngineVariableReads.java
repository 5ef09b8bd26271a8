package org.partnershippathways.accesslog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration;
import org.partnershippathways.platform.RequestFilters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.web.util.ContentCachingRequestWrapper;

/**
 * The engine's REST reads of a case's variables (ours at {@code /engine-rest}, Tasklist's and Cockpit's at
 * {@code /camunda/api/engine}) write the access log: a task's form variables and variables, a process instance's
 * variables, and variable instances or variable history asked for by process instance. Only answers that succeeded
 * (2xx) are recorded: a refused read showed nothing. The case is found from the task or process instance with one
 * lookup ({@link EngineCaseLookup}); list queries that name no process instance are not a read of one case and are not
 * recorded (they hold references and decisions only, docs/security.md).
 *
 * <p>An auto-configuration after Camunda's webapp one, as {@code security.TaskHandBack}: its filter runs after the
 * webapps' sign-in and after HTTP Basic on {@code /engine-rest}, with the reader still signed in to the engine.
 */
@AutoConfiguration(after = CamundaBpmWebappAutoConfiguration.class)
public class EngineVariableReads {

  private static final Logger LOG = LoggerFactory.getLogger(EngineVariableReads.class);
  static final Pattern TASK_READ = Pattern.compile(".*/task/([^/]+)/(form-variables|variables|localVariables)(/.*)?");
  static final Pattern INSTANCE_READ = Pattern.compile(".*/process-instance/([^/]+)/variables(/.*)?");
  static final Pattern QUERY_READ = Pattern.compile(".*?/(history/variable-instance|history/detail|variable-instance)"
      + "(/count)?/?");

  @Bean
  ServletContextInitializer engineVariableReadsFilter(CaseAccessLog log, EngineCaseLookup lookup) {
    ObjectMapper json = new ObjectMapper();
    return RequestFilters.afterTheWebapps("engine-variable-reads", (request, response, chain) -> {
      String path = request.getRequestURI();
      boolean postedQuery = "POST".equals(request.getMethod()) && QUERY_READ.matcher(path).matches();
      HttpServletRequest passed = postedQuery ? new ContentCachingRequestWrapper(request, 64 * 1024) : request;
      chain.doFilter(passed, response);
      if (response.getStatus() < 200 || response.getStatus() >= 300) {
        return;
      }
      try {
        if ("GET".equals(request.getMethod())) {
          recordGet(request, path, log, lookup);
        } else if (postedQuery) {
          recordPostedQuery((ContentCachingRequestWrapper) passed, path, log, lookup, json);
        }
      } catch (RuntimeException e) {
        LOG.error("Could not write the access log for {} {}", request.getMethod(), path, e);
      }
    }, "/engine-rest/*", "/camunda/api/engine/*");
  }

  private static void recordGet(HttpServletRequest request, String path, CaseAccessLog log, EngineCaseLookup lookup) {
    Matcher task = TASK_READ.matcher(path);
    if (task.matches()) {
      WhatWasRead what = "form-variables".equals(task.group(2)) ? WhatWasRead.TASK_FORM_VARIABLES
          : WhatWasRead.TASK_VARIABLES;
      lookup.ofTask(task.group(1)).ifPresent(caseId -> log.record(caseId, what));
      return;
    }
    Matcher instance = INSTANCE_READ.matcher(path);
    if (instance.matches()) {
      lookup.ofProcessInstance(instance.group(1)).ifPresent(caseId -> log.record(caseId, WhatWasRead.CASE_VARIABLES));
      return;
    }
    Matcher query = QUERY_READ.matcher(path);
    if (query.matches() && query.group(2) == null) {
      Set<String> instances = new LinkedHashSet<>();
      addAll(instances, request.getParameter("processInstanceId"));
      addAll(instances, request.getParameter("processInstanceIdIn"));
      recordInstances(instances, what(query.group(1)), log, lookup);
    }
  }

  private static void recordPostedQuery(ContentCachingRequestWrapper request, String path, CaseAccessLog log,
      EngineCaseLookup lookup, ObjectMapper json) throws IOException {
    Matcher query = QUERY_READ.matcher(path);
    byte[] body = request.getContentAsByteArray();
    if (!query.matches() || query.group(2) != null || body.length == 0) {
      return;
    }
    JsonNode criteria = json.readTree(body);
    Set<String> instances = new LinkedHashSet<>();
    if (criteria.path("processInstanceId").isTextual()) {
      instances.add(criteria.path("processInstanceId").asText());
    }
    criteria.path("processInstanceIdIn").forEach(id -> instances.add(id.asText()));
    recordInstances(instances, what(query.group(1)), log, lookup);
  }

  private static WhatWasRead what(String resource) {
    return resource.startsWith("history/") ? WhatWasRead.VARIABLE_HISTORY : WhatWasRead.CASE_VARIABLES;
  }

  private static void recordInstances(Set<String> instances, WhatWasRead what, CaseAccessLog log,
      EngineCaseLookup lookup) {
    Set<String> caseIds = new LinkedHashSet<>();
    instances.forEach(instance -> lookup.ofProcessInstance(instance).ifPresent(caseIds::add));
    log.recordAll(caseIds, what);
  }

  private static void addAll(Set<String> into, String commaSeparated) {
    Optional.ofNullable(commaSeparated).ifPresent(value -> Arrays.stream(value.split(","))
        .map(String::trim).filter(id -> !id.isEmpty()).forEach(into::add));
  }
}

package org.partnershippathways.caseview.tasklist;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.partnershippathways.caseview.CaseViews;
import org.partnershippathways.caseview.TaskFactsReader;
import org.springframework.stereotype.Component;

/**
 * Tasklist creates its plugin resources itself (JAX-RS, outside Spring), so they reach the facts, the case views
 * and the application's JSON settings through this holder, filled when the Spring context starts.
 */
@Component
public class CasePluginBridge {

  private static volatile TaskFactsReader facts;
  private static volatile CaseViews cases;
  private static volatile ObjectMapper objectMapper;

  CasePluginBridge(TaskFactsReader facts, CaseViews cases, ObjectMapper objectMapper) {
    CasePluginBridge.facts = facts;
    CasePluginBridge.cases = cases;
    CasePluginBridge.objectMapper = objectMapper;
  }

  /** The task's facts for the signed-in user (404 as {@code NotFoundException} when they may not see it). */
  static TaskFactsReader facts() {
    return started(facts);
  }

  /** The case views for the signed-in user (403 and 404 as {@code ForbiddenException}, {@code NotFoundException}). */
  static CaseViews cases() {
    return started(cases);
  }

  private static <T> T started(T bean) {
    if (bean == null) {
      throw new IllegalStateException("The application has not started yet");
    }
    return bean;
  }

  static String json(Object value) {
    try {
      return objectMapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the answer as JSON", e);
    }
  }
}

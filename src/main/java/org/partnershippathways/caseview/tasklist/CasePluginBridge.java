package org.partnershippathways.caseview.tasklist;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.partnershippathways.caseview.TaskFacts;
import org.partnershippathways.caseview.TaskFactsReader;
import org.springframework.stereotype.Component;

/**
 * Tasklist creates its plugin resources itself (JAX-RS, outside Spring), so they reach the facts and the
 * application's JSON settings through this holder, filled when the Spring context starts.
 */
@Component
public class CasePluginBridge {

  private static volatile TaskFactsReader facts;
  private static volatile ObjectMapper objectMapper;

  CasePluginBridge(TaskFactsReader facts, ObjectMapper objectMapper) {
    CasePluginBridge.facts = facts;
    CasePluginBridge.objectMapper = objectMapper;
  }

  /** The task's facts for the signed-in user (404 as {@code NotFoundException} when they may not see it). */
  static TaskFacts facts(String taskId) {
    if (facts == null) {
      throw new IllegalStateException("The application has not started yet");
    }
    return facts.of(taskId);
  }

  static String json(Object value) {
    try {
      return objectMapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the facts as JSON", e);
    }
  }
}

package org.partnershippathways.timings.cockpit;

import java.util.List;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.partnershippathways.timings.TimingsReport;
import org.partnershippathways.timings.TimingsService;
import org.springframework.stereotype.Component;

/**
 * Cockpit creates its plugin resources itself (JAX-RS, outside Spring), so they reach the timings service and the
 * application's JSON settings through this holder, filled when the Spring context starts.
 */
@Component
public class TimingsPluginBridge {

  record Csv(String body, String contentDisposition) {
  }

  private static volatile TimingsService timings;
  private static volatile ObjectMapper objectMapper;

  TimingsPluginBridge(TimingsService timings, ObjectMapper objectMapper) {
    TimingsPluginBridge.timings = timings;
    TimingsPluginBridge.objectMapper = objectMapper;
  }

  static TimingsService timings() {
    if (timings == null) {
      throw new IllegalStateException("The application has not started yet");
    }
    return timings;
  }

  static Csv csv(List<String> partnerships, String from, String to, String table) {
    TimingsService.CsvExport export = timings().of(partnerships).csv(from, to, table);
    return new Csv(export.body(), export.contentDisposition());
  }

  static String json(Object value) {
    try {
      return objectMapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the timings as JSON", e);
    }
  }

  static String json(TimingsReport report) {
    return json((Object) report);
  }
}

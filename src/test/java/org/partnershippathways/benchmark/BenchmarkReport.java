package org.partnershippathways.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Figures of one benchmark run: printed as a table and written as JSON. */
final class BenchmarkReport {

  record Figure(String measurement, String name, double value, String unit, String target) {
  }

  private final List<Figure> figures = new ArrayList<>();
  private final Map<String, Object> context = new LinkedHashMap<>();

  void context(String key, Object value) {
    context.put(key, value);
  }

  void add(String measurement, String name, double value, String unit, String target) {
    figures.add(new Figure(measurement, name, value, unit, target));
  }

  void add(String measurement, String name, double value, String unit) {
    add(measurement, name, value, unit, "");
  }

  String table() {
    StringBuilder table = new StringBuilder();
    table.append(String.format("%n%-34s %-34s %14s %-8s %s%n", "measurement", "figure", "value", "unit", "target"));
    table.append("-".repeat(110)).append('\n');
    for (Figure figure : figures) {
      table.append(String.format("%-34s %-34s %14.2f %-8s %s%n", figure.measurement(), figure.name(),
          figure.value(), figure.unit(), figure.target()));
    }
    return table.toString();
  }

  Path writeJson(Path directory) throws IOException {
    Files.createDirectories(directory);
    Path file = directory.resolve("benchmark-results.json");
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("finishedAt", Instant.now().toString());
    json.put("context", context);
    json.put("figures", figures);
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json);
    return file;
  }
}

package org.partnershippathways.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * The process-test coverage extension writes one report per test class; this adds them up per process after the
 * tests, so that the coverage of each BPMN over all its tests is printed and written to
 * {@code target/process-test-coverage/summary.txt}.
 */
public class ProcessCoverageSummary implements LauncherSessionListener {

  private static final Path REPORTS = Path.of("target", "process-test-coverage");

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    if (!Files.isDirectory(REPORTS)) {
      return;
    }
    try {
      String summary = summarise();
      if (!summary.isEmpty()) {
        Files.writeString(REPORTS.resolve("summary.txt"), summary);
        System.out.print(summary);
      }
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }

  private static String summarise() throws IOException {
    ObjectMapper json = new ObjectMapper();
    Map<String, String> models = new TreeMap<>();
    Map<String, Set<String>> covered = new TreeMap<>();
    try (Stream<Path> files = Files.walk(REPORTS)) {
      for (Path report : files.filter(file -> file.getFileName().toString().equals("report.json")).toList()) {
        JsonNode root = json.readTree(report.toFile());
        root.path("suites").forEach(suite -> suite.path("runs").forEach(run -> run.path("events").forEach(event ->
            covered.computeIfAbsent(event.path("modelKey").asText(), key -> new TreeSet<>())
                .add(event.path("definitionKey").asText()))));
      }
    }
    // The models as in the repository: a test may deploy a stand-in under the same key (a call-activity mock).
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
        String xml = Files.readString(file);
        Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
            .getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class)
            .forEach(process -> models.put(process.getId(), xml));
      }
    }
    StringBuilder summary = new StringBuilder("\nProcess test coverage (all test classes together)\n");
    int allNodes = 0;
    int allCoveredNodes = 0;
    for (Map.Entry<String, String> model : models.entrySet()) {
      var process = (org.camunda.bpm.model.bpmn.instance.Process) Bpmn.readModelFromStream(
          new ByteArrayInputStream(model.getValue().getBytes(StandardCharsets.UTF_8))).getModelElementById(
          model.getKey());
      Set<String> nodes = process.getModelInstance().getModelElementsByType(FlowNode.class).stream()
          .filter(node -> belongsTo(node, process)).map(FlowNode::getId)
          .collect(Collectors.toCollection(TreeSet::new));
      Set<String> flows = process.getModelInstance().getModelElementsByType(SequenceFlow.class).stream()
          .filter(flow -> belongsTo(flow, process)).map(SequenceFlow::getId).collect(Collectors.toSet());
      Set<String> seen = covered.getOrDefault(model.getKey(), Set.of());
      Set<String> missed = new TreeSet<>(nodes);
      missed.removeAll(seen);
      long coveredFlows = flows.stream().filter(seen::contains).count();
      allNodes += nodes.size();
      allCoveredNodes += nodes.size() - missed.size();
      summary.append(String.format("  %-28s flow nodes %3d/%3d (%5.1f%%)  sequence flows %3d/%3d%s%n",
          model.getKey(), nodes.size() - missed.size(), nodes.size(),
          100.0 * (nodes.size() - missed.size()) / Math.max(1, nodes.size()), coveredFlows, flows.size(),
          missed.isEmpty() ? "" : "  not covered: " + missed));
    }
    summary.append(String.format("  %-28s flow nodes %3d/%3d (%5.1f%%)%n", "all processes", allCoveredNodes,
        allNodes, 100.0 * allCoveredNodes / Math.max(1, allNodes)));
    return models.isEmpty() ? "" : summary.toString();
  }

  private static boolean belongsTo(org.camunda.bpm.model.xml.instance.ModelElementInstance element,
      org.camunda.bpm.model.bpmn.instance.Process process) {
    for (var parent = element.getParentElement(); parent != null; parent = parent.getParentElement()) {
      if (parent == process) {
        return true;
      }
    }
    return false;
  }
}

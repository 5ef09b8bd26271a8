package org.partnershippathways.migration;

import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/** The steps of one version of a process, by id, with the names a coordinator reads in Tasklist and Cockpit. */
final class VersionSteps {

  /** The engine's id of the scope that repeats a multi-instance step ({@code CallActivity_ActionTracking#...}). */
  private static final String MULTI_INSTANCE_BODY = "#multiInstanceBody";

  private final BpmnModelInstance model;

  VersionSteps(BpmnModelInstance model) {
    this.model = model;
  }

  boolean has(String stepId) {
    return model.getModelElementById(stepId) instanceof FlowNode;
  }

  /** The step's name, else its id (a step without a name), in quotes for a sentence. */
  String quoted(String stepId) {
    return "'" + name(stepId) + "'";
  }

  String name(String stepId) {
    String id = stepId.endsWith(MULTI_INSTANCE_BODY)
        ? stepId.substring(0, stepId.length() - MULTI_INSTANCE_BODY.length()) : stepId;
    ModelElementInstance element = model.getModelElementById(id);
    return element instanceof FlowNode node ? nameOf(node) : id;
  }

  /** A nameless join (a case waits there for its parallel paths) is named after the next named step. */
  private static String nameOf(FlowNode node) {
    int depth = 0;
    String name = node.getName();
    if (name != null && !name.isBlank()) {
      return name.replaceAll("\\s+", " ").strip();
    }
    String what = node instanceof Gateway ? "Waiting for the parallel paths to meet" : "A step without a name";
    FlowNode next = node.getOutgoing().stream().map(flow -> flow.getTarget()).findFirst().orElse(null);
    while (next != null && (next.getName() == null || next.getName().isBlank()) && depth++ < 10) {
      next = next.getOutgoing().stream().map(flow -> flow.getTarget()).findFirst().orElse(null);
    }
    return next == null || next.getName() == null || next.getName().isBlank() ? what
        : what + " before '" + next.getName().replaceAll("\\s+", " ").strip() + "'";
  }

  /** Every step a case can wait at or pass (not the gateways), sorted by name. */
  List<MigrationPreview.Step> steps() {
    return model.getModelElementsByType(FlowNode.class).stream().filter(node -> !(node instanceof Gateway))
        .map(node -> new MigrationPreview.Step(node.getId(), name(node.getId())))
        .sorted(Comparator.comparing(MigrationPreview.Step::name)).toList();
  }
}

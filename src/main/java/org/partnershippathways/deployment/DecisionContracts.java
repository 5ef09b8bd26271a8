package org.partnershippathways.deployment;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;

/**
 * Decision tables compile, and give what the processes of the deployment read from them: a business rule task that
 * maps the result to one entry (or a list of entries) needs a table with one output; a process that reads
 * {@code resultVariable.name} or {@code decisionResult.getSingleResult().get("name")} needs an output of that name.
 */
final class DecisionContracts {

  private static final Pattern SINGLE_RESULT_GET = Pattern.compile(
      "decisionResult\\s*\\.\\s*getSingleResult\\s*\\(\\s*\\)\\s*\\.\\s*get\\s*\\(\\s*[\"']([^\"']+)[\"']");

  private DecisionContracts() {
  }

  static List<BrokenRule> check(List<ModelFile> files, DmnEngine dmnEngine) {
    List<BrokenRule> broken = new ArrayList<>();
    Map<String, Set<String>> outputsByDecision = new HashMap<>();
    for (ModelFile file : files) {
      if (file.isDmn()) {
        readOutputs(file, dmnEngine, broken, outputsByDecision);
      }
    }
    for (ModelFile file : files) {
      if (file.isBpmn()) {
        checkReaders(file, outputsByDecision, broken);
      }
    }
    return broken;
  }

  private static void readOutputs(ModelFile file, DmnEngine dmnEngine, List<BrokenRule> broken,
      Map<String, Set<String>> outputsByDecision) {
    DmnModelInstance model;
    try {
      model = Dmn.readModelFromStream(new ByteArrayInputStream(file.content()));
      dmnEngine.parseDecisionRequirementsGraph(model);
    } catch (RuntimeException doesNotCompile) {
      broken.add(new BrokenRule(file.name(), null, "the decision table does not compile: "
          + doesNotCompile.getMessage()));
      return;
    }
    for (Decision decision : model.getModelElementsByType(Decision.class)) {
      Set<String> outputs = new LinkedHashSet<>();
      if (decision.getExpression() instanceof DecisionTable table) {
        for (Output output : table.getOutputs()) {
          outputs.add(output.getName());
        }
      }
      outputsByDecision.put(decision.getId(), outputs);
    }
  }

  /** The task's own element in the file: its output mappings read {@code decisionResult}. */
  private static String ownXml(String text, String taskId) {
    int start = text.indexOf("id=\"" + taskId + "\"");
    int end = start < 0 ? -1 : text.indexOf("businessRuleTask>", start);
    return start < 0 || end < 0 ? "" : text.substring(start, end);
  }

  private static void checkReaders(ModelFile file, Map<String, Set<String>> outputsByDecision,
      List<BrokenRule> broken) {
    BpmnModelInstance model;
    try {
      model = Bpmn.readModelFromStream(new ByteArrayInputStream(file.content()));
    } catch (RuntimeException unreadable) {
      return; // ModelConventions names the unreadable file
    }
    String text = file.text();
    for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
      Set<String> outputs = outputsByDecision.get(task.getCamundaDecisionRef());
      if (outputs == null) {
        continue; // ModelConventions names a decision missing from the deployment
      }
      String mapping = task.getCamundaMapDecisionResult();
      if (("singleEntry".equals(mapping) || "collectEntries".equals(mapping)) && outputs.size() != 1) {
        broken.add(new BrokenRule(file.name(), task.getId(), "reads one value from the decision '"
            + task.getCamundaDecisionRef() + "', which gives " + outputs.size() + " (" + String.join(", ", outputs)
            + ")"));
      }
      Set<String> read = new LinkedHashSet<>();
      Matcher get = SINGLE_RESULT_GET.matcher(ownXml(text, task.getId()));
      while (get.find()) {
        read.add(get.group(1));
      }
      String result = task.getCamundaResultVariable();
      if (result != null && ("singleResult".equals(mapping) || mapping == null)) {
        Matcher field = Pattern.compile("(?<![\\w.])" + Pattern.quote(result) + "\\s*\\.\\s*([A-Za-z_]\\w*)")
            .matcher(text);
        while (field.find()) {
          read.add(field.group(1));
        }
      }
      for (String name : read) {
        if (!outputs.contains(name)) {
          broken.add(new BrokenRule(file.name(), task.getId(), "the process reads '" + name
              + "' from the decision '" + task.getCamundaDecisionRef() + "', which has no output of that name ("
              + String.join(", ", outputs) + ")"));
        }
      }
    }
  }
}

package org.partnershippathways.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.Test;

/**
 * BPMN is code: the files in processes/ and forms/ follow the conventions of docs/architecture.md, so that they
 * open in Camunda Modeler with their diagrams, deploy unchanged, and read well.
 */
class ModelConventionsTest {

  private static final Path PROCESSES = Path.of("processes");
  private static final Path FORMS = Path.of("forms");
  private static final Pattern TECHNICAL_ID = Pattern.compile("^[A-Z][A-Za-z]+_[A-Z][A-Za-z0-9]*$");
  private static final Set<String> GROUPS = Set.of("coordinators", "managers", "process-owners", "police", "health",
      "social-care", "voluntary", "police-managers", "health-managers", "social-care-managers", "voluntary-managers",
      "out-of-hours-duty");

  private static List<Path> files(Path folder, String suffix) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      return paths.filter(path -> path.toString().endsWith(suffix)).sorted().toList();
    }
  }

  @Test
  void everyBpmnIsLaidOutNamedAndRetained() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Path file : files(PROCESSES, ".bpmn")) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      Set<String> drawn = new java.util.HashSet<>();
      model.getModelElementsByType(BpmnShape.class).forEach(shape -> drawn.add(shape.getBpmnElement().getId()));
      model.getModelElementsByType(BpmnEdge.class).forEach(edge -> drawn.add(edge.getBpmnElement().getId()));
      for (Process process : model.getModelElementsByType(Process.class)) {
        if (process.isExecutable() && process.getCamundaHistoryTimeToLiveString() == null) {
          problems.add(file + ": process " + process.getId() + " has no historyTimeToLive");
        }
      }
      for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
        checkId(problems, file, node);
        if (!drawn.contains(node.getId())) {
          problems.add(file + ": " + node.getId() + " is not drawn in the diagram");
        }
        boolean joiningGateway = node instanceof org.camunda.bpm.model.bpmn.instance.Gateway
            && node.getOutgoing().size() == 1;
        if (!joiningGateway && (node.getName() == null || node.getName().isBlank())) {
          problems.add(file + ": " + node.getId() + " has no name a coordinator can read");
        }
      }
      for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
        checkId(problems, file, flow);
        if (!drawn.contains(flow.getId())) {
          problems.add(file + ": " + flow.getId() + " is not drawn in the diagram");
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  /**
   * A task's form is named after it ({@code Task_ConfirmTriage}, {@code confirm-triage}); a form several tasks share
   * keeps their common words in order ({@code escalated-action} for {@code Task_EscalatedActionAgencyManager}).
   */
  static boolean namedAfterItsTask(String formRef, String taskId) {
    List<String> taskWords = List.of(taskId.replaceFirst("^Task_", "").split("(?=[A-Z])"));
    int next = 0;
    for (String word : formRef.split("-")) {
      while (next < taskWords.size() && !taskWords.get(next).equalsIgnoreCase(word)) {
        next++;
      }
      if (next == taskWords.size()) {
        return false;
      }
      next++;
    }
    return true;
  }

  @Test
  void aFormIsNamedAfterItsTask() {
    assertThat(namedAfterItsTask("confirm-triage", "Task_ConfirmTriage")).isTrue();
    assertThat(namedAfterItsTask("escalated-action", "Task_EscalatedActionAgencyManager")).isTrue();
    assertThat(namedAfterItsTask("review-case", "Task_ConfirmTriage")).isFalse();
    assertThat(namedAfterItsTask("triage-confirm", "Task_ConfirmTriage")).isFalse();
  }

  @Test
  void everyUserTaskHasAShippedFormAndKnownCandidates() throws IOException {
    Set<String> formIds = new java.util.HashSet<>();
    for (Path form : files(FORMS, ".form")) {
      formIds.add(new ObjectMapper().readTree(form.toFile()).path("id").asText());
    }
    List<String> problems = new ArrayList<>();
    for (Path file : files(PROCESSES, ".bpmn")) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        String formRef = task.getCamundaFormRef();
        if (formRef == null || !formIds.contains(formRef)) {
          problems.add(file + ": user task " + task.getId() + " links no shipped form (formRef " + formRef + ")");
        } else if (!"deployment".equals(task.getCamundaFormRefBinding())) {
          problems.add(file + ": user task " + task.getId() + " should bind its form to the deployment");
        } else if (!namedAfterItsTask(formRef, task.getId())) {
          problems.add(file + ": user task " + task.getId() + " should have a form named after it, not " + formRef);
        }
        String groups = task.getCamundaCandidateGroups();
        if (groups == null || groups.isBlank()) {
          if (task.getCamundaAssignee() == null) {
            problems.add(file + ": user task " + task.getId() + " has no candidate group");
          }
        } else if (!groups.contains("${")) {
          for (String group : groups.split(",")) {
            if (!GROUPS.contains(group.strip())) {
              problems.add(file + ": user task " + task.getId() + " names an unknown group " + group);
            }
          }
        }
      }
      for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
        String formRef = start.getCamundaFormRef();
        if (formRef != null && !formIds.contains(formRef)) {
          problems.add(file + ": start event " + start.getId() + " links a missing form " + formRef);
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void partnersAreCalledOnlyAfterAnAsynchronousContinuationWithBackOff() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Path file : files(PROCESSES, ".bpmn")) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
        if (!"${partnerRequest}".equals(task.getCamundaDelegateExpression())) {
          continue;
        }
        if (!task.isCamundaAsyncBefore()) {
          problems.add(file + ": " + task.getId() + " calls a partner without asyncBefore");
        }
        boolean backOff = task.getExtensionElements() != null && !task.getExtensionElements()
            .getElementsQuery().filterByType(CamundaFailedJobRetryTimeCycle.class).list().isEmpty();
        if (!backOff) {
          problems.add(file + ": " + task.getId() + " calls a partner without failedJobRetryTimeCycle");
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyDecisionIsRetainedAndDrawn() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Path file : files(PROCESSES, ".dmn")) {
      DmnModelInstance model = Dmn.readModelFromFile(file.toFile());
      for (Decision decision : model.getModelElementsByType(Decision.class)) {
        if (decision.getCamundaHistoryTimeToLiveString() == null) {
          problems.add(file + ": decision " + decision.getId() + " has no historyTimeToLive");
        }
      }
      if (!Files.readString(file).contains("DMNDI")) {
        problems.add(file + ": no DMNDI diagram, so Modeler cannot lay it out");
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyFormIsNamedAfterItsFileAndBindsItsFields() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Path form : files(FORMS, ".form")) {
      JsonNode json = new ObjectMapper().readTree(form.toFile());
      String expectedId = form.getFileName().toString().replace(".form", "");
      if (!expectedId.equals(json.path("id").asText())) {
        problems.add(form + ": id " + json.path("id").asText() + " should be " + expectedId);
      }
      if (!json.path("components").isArray() || json.path("components").isEmpty()) {
        problems.add(form + ": has no components");
      }
    }
    assertThat(problems).isEmpty();
  }

  private static void checkId(List<String> problems, Path file, BaseElement element) {
    if (!TECHNICAL_ID.matcher(element.getId()).matches()) {
      problems.add(file + ": id " + element.getId() + " is not a readable technical id like Task_CheckConsent");
    }
  }
}

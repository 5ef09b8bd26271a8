package org.partnershippathways.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
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

/**
 * The conventions of docs/architecture.md that make a model readable, drawn, retained and complete: readable ids,
 * names a coordinator can read, every element drawn, a history time to live, each user task's form present, known
 * candidate groups, partners called only after an asynchronous step with back-off, decisions taken from the model's
 * own deployment (and there), and a sub-process bound to the deployment present in it.
 * ModelConventionsTest runs them over processes/ and forms/; the deployment gate over every deployment.
 */
final class ModelConventions {

  static final String PARTNER_CALL = "${partnerRequest}";
  static final String DEPLOYMENT_BINDING = "deployment";
  private static final Pattern TECHNICAL_ID = Pattern.compile("^[A-Z][A-Za-z]+_[A-Z][A-Za-z0-9]*$");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<ModelFile> files;
  private final Surroundings surroundings;
  private final List<BrokenRule> broken = new ArrayList<>();
  private final Set<String> formIds = new HashSet<>();
  private final Set<String> processKeys = new HashSet<>();
  private final Set<String> decisionKeys = new HashSet<>();

  private ModelConventions(List<ModelFile> files, Surroundings surroundings) {
    this.files = files;
    this.surroundings = surroundings;
  }

  static List<BrokenRule> check(List<ModelFile> files, Surroundings surroundings) {
    ModelConventions conventions = new ModelConventions(files, surroundings);
    conventions.checkAll();
    return conventions.broken;
  }

  private void checkAll() {
    List<ModelFile> bpmns = new ArrayList<>();
    List<ModelFile> dmns = new ArrayList<>();
    for (ModelFile file : files) {
      if (file.isForm()) {
        checkForm(file);
      } else if (file.isBpmn()) {
        bpmns.add(file);
      } else if (file.isDmn()) {
        dmns.add(file);
      }
    }
    for (ModelFile file : dmns) {
      checkDecisions(file);
    }
    List<BpmnModelInstance> models = new ArrayList<>();
    for (ModelFile file : bpmns) {
      BpmnModelInstance model = readBpmn(file);
      models.add(model);
      if (model != null) {
        model.getModelElementsByType(Process.class).forEach(process -> processKeys.add(process.getId()));
      }
    }
    for (int i = 0; i < bpmns.size(); i++) {
      if (models.get(i) != null) {
        checkProcess(bpmns.get(i).name(), models.get(i));
      }
    }
  }

  private BpmnModelInstance readBpmn(ModelFile file) {
    try {
      return Bpmn.readModelFromStream(new ByteArrayInputStream(file.content()));
    } catch (RuntimeException unreadable) {
      broken.add(new BrokenRule(file.name(), null, "is not a BPMN model Camunda can read"));
      return null;
    }
  }

  private void checkForm(ModelFile file) {
    JsonNode json;
    try {
      json = JSON.readTree(file.content());
    } catch (IOException unreadable) {
      broken.add(new BrokenRule(file.name(), null, "is not a form Camunda can read"));
      return;
    }
    String id = json == null ? "" : json.path("id").asText();
    formIds.add(id);
    String expectedId = file.name().substring(file.name().lastIndexOf('/') + 1).replace(".form", "");
    if (!expectedId.equals(id)) {
      broken.add(new BrokenRule(file.name(), null, "the form's id is '" + id + "'; it should be '" + expectedId
          + "', the name of its file"));
    }
    if (json == null || !json.path("components").isArray() || json.path("components").isEmpty()) {
      broken.add(new BrokenRule(file.name(), null, "the form has no fields"));
    }
  }

  private void checkDecisions(ModelFile file) {
    DmnModelInstance model;
    try {
      model = Dmn.readModelFromStream(new ByteArrayInputStream(file.content()));
    } catch (RuntimeException unreadable) {
      broken.add(new BrokenRule(file.name(), null, "is not a decision model Camunda can read"));
      return;
    }
    for (Decision decision : model.getModelElementsByType(Decision.class)) {
      decisionKeys.add(decision.getId());
      if (decision.getCamundaHistoryTimeToLiveString() == null) {
        broken.add(new BrokenRule(file.name(), decision.getId(),
            "the decision has no history time to live (how long its history is kept)"));
      }
    }
    if (!file.text().contains("DMNDI")) {
      broken.add(new BrokenRule(file.name(), null, "the decisions are not drawn (no DMNDI), so Modeler cannot lay"
          + " them out"));
    }
  }

  private void checkProcess(String file, BpmnModelInstance model) {
    Set<String> drawn = new HashSet<>();
    model.getModelElementsByType(BpmnShape.class).forEach(shape -> drawn.add(shape.getBpmnElement().getId()));
    model.getModelElementsByType(BpmnEdge.class).forEach(edge -> drawn.add(edge.getBpmnElement().getId()));
    for (Process process : model.getModelElementsByType(Process.class)) {
      if (process.isExecutable() && process.getCamundaHistoryTimeToLiveString() == null) {
        broken.add(new BrokenRule(file, process.getId(),
            "the process has no history time to live (how long its history is kept)"));
      }
    }
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      checkReadableIdAndDrawn(file, node, drawn);
      boolean joiningGateway = node instanceof Gateway && node.getOutgoing().size() == 1;
      if (!joiningGateway && (node.getName() == null || node.getName().isBlank())) {
        broken.add(new BrokenRule(file, node.getId(), "has no name a coordinator can read"));
      }
    }
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      checkReadableIdAndDrawn(file, flow, drawn);
    }
    model.getModelElementsByType(UserTask.class).forEach(task -> checkUserTask(file, task));
    for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
      String formRef = start.getCamundaFormRef();
      if (formRef != null && !formAvailable(formRef, start.getCamundaFormRefBinding())) {
        broken.add(new BrokenRule(file, start.getId(), missingForm(formRef, start.getCamundaFormRefBinding())));
      }
    }
    model.getModelElementsByType(ServiceTask.class).forEach(task -> checkPartnerCall(file, task));
    model.getModelElementsByType(CallActivity.class).forEach(call -> checkCallActivity(file, call));
    model.getModelElementsByType(BusinessRuleTask.class).forEach(task -> checkBusinessRuleTask(file, task));
  }

  private void checkReadableIdAndDrawn(String file, BaseElement element, Set<String> drawn) {
    if (!TECHNICAL_ID.matcher(element.getId()).matches()) {
      broken.add(new BrokenRule(file, element.getId(),
          "the id is not a readable technical id like Task_CheckConsent or Gateway_ConsentGiven"));
    }
    if (!drawn.contains(element.getId())) {
      broken.add(new BrokenRule(file, element.getId(), "is not drawn in the diagram"));
    }
  }

  private void checkUserTask(String file, UserTask task) {
    String formRef = task.getCamundaFormRef();
    String binding = task.getCamundaFormRefBinding();
    if (formRef == null || formRef.isBlank()) {
      broken.add(new BrokenRule(file, task.getId(), "the user task shows no form (set Form type: Camunda Forms"
          + " (linked) and the form's id)"));
    } else if (!formAvailable(formRef, binding)) {
      broken.add(new BrokenRule(file, task.getId(), missingForm(formRef, binding)));
    } else if (!DEPLOYMENT_BINDING.equals(binding)) {
      broken.add(new BrokenRule(file, task.getId(), "the user task should take its form from its own deployment"
          + " (binding: deployment)"));
    } else if (!namedAfterItsTask(formRef, task.getId())) {
      broken.add(new BrokenRule(file, task.getId(), "the user task should have a form named after it, not '"
          + formRef + "'"));
    }
    if (task.getCamundaDueDate() == null || task.getCamundaDueDate().isBlank()) {
      // Tasklist sorts by due date, and a task without one comes first or last depending on the database
      broken.add(new BrokenRule(file, task.getId(), "the user task has no due date (for example P1D, one working"
          + " day), so Tasklist cannot put it in order of urgency"));
    }
    String groups = task.getCamundaCandidateGroups();
    if (groups == null || groups.isBlank()) {
      if (task.getCamundaAssignee() == null) {
        broken.add(new BrokenRule(file, task.getId(), "the user task has no candidate group, so nobody would see"
            + " it"));
      }
    } else if (!groups.contains("${")) {
      for (String group : groups.split(",")) {
        if (!surroundings.groupExists(group.strip())) {
          broken.add(new BrokenRule(file, task.getId(), "the user task is offered to the group '" + group.strip()
              + "', which does not exist"));
        }
      }
    }
  }

  private boolean formAvailable(String formRef, String binding) {
    return formIds.contains(formRef) || !DEPLOYMENT_BINDING.equals(binding) && surroundings.formDeployed(formRef);
  }

  private static String missingForm(String formRef, String binding) {
    return DEPLOYMENT_BINDING.equals(binding)
        ? "shows the form '" + formRef + "', which is not in this deployment: deploy " + formRef + ".form with it"
        : "shows the form '" + formRef + "', which is neither in this deployment nor deployed";
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

  private void checkPartnerCall(String file, ServiceTask task) {
    if (!PARTNER_CALL.equals(task.getCamundaDelegateExpression())) {
      return;
    }
    if (!task.isCamundaAsyncBefore()) {
      broken.add(new BrokenRule(file, task.getId(), "calls a partner without an asynchronous step before it"
          + " (tick Asynchronous continuations: Before), so a partner's failure would undo the step before"));
    }
    boolean backOff = task.getExtensionElements() != null && !task.getExtensionElements()
        .getElementsQuery().filterByType(CamundaFailedJobRetryTimeCycle.class).list().isEmpty();
    if (!backOff) {
      broken.add(new BrokenRule(file, task.getId(), "calls a partner without a retry time cycle (for example"
          + " R5/PT1M), so a partner that is down would be retried at once"));
    }
  }

  private void checkCallActivity(String file, CallActivity call) {
    checkBoundToItsDeployment(file, call.getId(), call.getCamundaCalledElementBinding(), call.getCalledElement(),
        processKeys, "the call activity should start the process of its own deployment", "sub-processes",
        "calls the process");
  }

  private void checkBusinessRuleTask(String file, BusinessRuleTask task) {
    checkBoundToItsDeployment(file, task.getId(), task.getCamundaDecisionRefBinding(), task.getCamundaDecisionRef(),
        decisionKeys, "the business rule task should use the decision of its own deployment", "decisions",
        "uses the decision");
  }

  /** A case keeps the models it started with: what an element calls comes from its own deployment, and is in it. */
  private void checkBoundToItsDeployment(String file, String elementId, String binding, String called,
      Set<String> deployedKeys, String shouldBind, String whatACaseKeeps, String calls) {
    if (!DEPLOYMENT_BINDING.equals(binding)) {
      broken.add(new BrokenRule(file, elementId, shouldBind + " (binding: deployment), so that a case keeps the "
          + whatACaseKeeps + " it started with"));
    } else if (called != null && !called.contains("{") && !deployedKeys.contains(called)) {
      broken.add(new BrokenRule(file, elementId, calls + " '" + called + "' of its own deployment, which is not"
          + " in this deployment: deploy it with this model"));
    }
  }
}

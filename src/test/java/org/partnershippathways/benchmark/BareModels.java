package org.partnershippathways.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.impl.BpmnModelConstants;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.TimeDate;
import org.camunda.bpm.model.bpmn.instance.TimeDuration;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaList;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOutputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaValue;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * (b) The pathway's own models with our work taken out, derived from {@code processes/*.bpmn} at run time so
 * that they keep the shape of the models as they are today: every task, gateway, event, timer, asynchronous
 * point, multi-instance and DMN business rule task stays; process ids and called elements get the prefix
 * {@code bare-}; delegates become the no-op expression {@code ${true}}; listeners and expressions that call our
 * beans are removed. Where our code sets a variable that the flow needs, a camunda output parameter on the same
 * activity sets it instead (see {@link #SUPPLIED}). A bean reference left over fails the benchmark.
 */
final class BareModels {

  static final String PREFIX = "bare-";
  static final String NO_OP = "${true}";

  private static final String CAMUNDA = BpmnModelConstants.CAMUNDA_NS;
  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
  private static final Pattern IDENTIFIER = Pattern.compile("(?<![.\\w'\"])([A-Za-z_]\\w*)");

  /** A value our code would have set: an expression, or a list of expressions ({@code camunda:list}). */
  private record Supplied(String name, String expression, List<String> list) {
    static Supplied value(String name, String expression) {
      return new Supplied(name, expression, null);
    }

    static Supplied list(String name, String... expressions) {
      return new Supplied(name, null, List.of(expressions));
    }
  }

  /**
   * Per activity, the variables our delegates and listeners set and the flow reads (gateways, timers, due dates,
   * candidate groups, call activity mappings, multi-instance collections). Action ids carry the owning agency
   * ({@code 1:police}), as the action table is not there to look it up.
   */
  private static final Map<String, List<Supplied>> SUPPLIED = Map.ofEntries(
      Map.entry("Task_ConfirmTriage", List.of(
          Supplied.value("meetingDueDate", "${dateTime().plusDays(14).toDate()}"),
          Supplied.value("triageOverridden", "${false}"))),
      Map.entry("Task_RecordConsent", List.of(
          Supplied.value("consentOutcome", "${consentStatus}"),
          Supplied.value("sharingPermitted", "${consentStatus == 'GIVEN'}"),
          Supplied.value("sharingScope", "${consentStatus == 'GIVEN' ? consentScope : null}"))),
      Map.entry("Task_DecideSharingWithoutConsent", List.of(
          Supplied.value("sharingPermitted", "${shareWithoutConsent}"),
          Supplied.value("sharingScope", "${shareWithoutConsent ? decidedScope : null}"))),
      Map.entry("BusinessRuleTask_ChooseAgencies", List.of(
          Supplied.value("agenciesToAsk", "${routedAgencies}"))),
      Map.entry("ServiceTask_SummariseResponses", List.of(
          Supplied.value("partnerResponsesSummary", "Partners replied (bare model)."))),
      Map.entry("ServiceTask_ScheduleMeeting", List.of(
          Supplied.value("meetingId", "${execution.processInstanceId}"),
          Supplied.value("meetingTime", "${meetingDate}"))),
      Map.entry("ServiceTask_RecordAttendance", List.of(
          Supplied.value("agenciesAttended", "${(attendedPolice ? 1 : 0) + (attendedHealth ? 1 : 0)"
              + " + (attendedSocialCare ? 1 : 0) + (attendedVoluntary ? 1 : 0)}"))),
      Map.entry("ServiceTask_RescheduleMeeting", List.of(
          Supplied.value("meetingRound", "${meetingRound + 1}"))),
      Map.entry("ServiceTask_CreateActions", List.of(
          Supplied.list("actionIds", "1:${action1Agency}", "2:${action2Agency}"))),
      Map.entry("ServiceTask_LoadAction", List.of(
          Supplied.value("owningAgency", "${actionId.substring(2)}"),
          Supplied.value("owningAgencyManagers", "${actionId.substring(2)}-managers"),
          Supplied.value("dueDate", "P10D"))),
      Map.entry("Task_ReviewCase", List.of(
          Supplied.value("closesCase", "${reviewOutcome != 'NOT_MET' && reviewOutcome != 'NEW_ACTIONS'"
              + " && reviewOutcome != 'RISK_INCREASED'}"),
          Supplied.value("roundsExhausted", "${meetingRound >= 3}"),
          Supplied.value("closureOutcome", "${reviewOutcome}"))),
      Map.entry("Task_ManagerReviewOfRounds", List.of(
          Supplied.value("closureOutcome", "OUTCOMES_NOT_MET"))));

  /**
   * Timer dates and follow-up dates that our {@code workingDays} bean computes from the action's due date
   * ({@code P10D} in the bare model): the same offsets as working-day durations from now; and the statutory
   * referral's clock time that {@code stepUpTimescales} reads from the settings (its default, 4 hours).
   */
  private static final Map<String, String> CALENDAR_EXPRESSIONS = Map.of(
      "BoundaryEvent_ReminderDue", "P8D",
      "BoundaryEvent_ActionStillOverdue", "P15D",
      "Task_CompleteAction", "P8D",
      "BoundaryEvent_ReferralOverdue", "PT4H",
      "Task_StatutorySafeguardingReferral", "PT4H");

  private final Set<String> ourBeans;
  private final Path processes;

  /** @param ourBeans the names of the application's own beans (those an expression could call) */
  BareModels(Set<String> ourBeans, Path processes) {
    this.ourBeans = Set.copyOf(ourBeans);
    this.processes = processes;
  }

  /** Deploys the bare BPMN models with the DMN decisions and forms they use; returns the process keys. */
  List<String> deploy(RepositoryService repository) throws IOException {
    DeploymentBuilder deployment = repository.createDeployment().name("benchmark-bare-models");
    List<String> keys = new ArrayList<>();
    for (Path file : files(processes, ".bpmn")) {
      BpmnModelInstance bare = bare(Bpmn.readModelFromFile(file.toFile()));
      keys.addAll(bare.getModelElementsByType(Process.class).stream().map(Process::getId).toList());
      deployment.addModelInstance(PREFIX + file.getFileName(), bare);
    }
    for (Path file : files(processes, ".dmn")) {
      deployment.addString(file.getFileName().toString(), Files.readString(file));
    }
    for (Path file : files(processes.resolveSibling("forms"), ".form")) {
      deployment.addString(file.getFileName().toString(), Files.readString(file));
    }
    deployment.deploy();
    return keys;
  }

  BpmnModelInstance bare(BpmnModelInstance model) {
    for (Process process : model.getModelElementsByType(Process.class)) {
      process.setId(PREFIX + process.getId());
      process.setName("Bare: " + process.getName());
    }
    for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
      call.setCalledElement(PREFIX + call.getCalledElement());
    }
    for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
      for (String attribute : List.of("class", "delegateExpression", "expression", "resultVariable")) {
        task.removeAttributeNs(CAMUNDA, attribute);
      }
      task.setCamundaExpression(NO_OP);
    }
    for (CamundaTaskListener listener : model.getModelElementsByType(CamundaTaskListener.class)) {
      removeIfOurs(listener, listener.getCamundaClass(), listener.getCamundaExpression(),
          listener.getCamundaDelegateExpression());
    }
    for (CamundaExecutionListener listener : model.getModelElementsByType(CamundaExecutionListener.class)) {
      removeIfOurs(listener, listener.getCamundaClass(), listener.getCamundaExpression(),
          listener.getCamundaDelegateExpression());
    }
    replaceCalendarExpressions(model);
    SUPPLIED.forEach((activityId, variables) -> {
      BaseElement activity = model.getModelElementById(activityId);
      if (activity != null) {
        variables.forEach(variable -> supply(model, activity, variable));
      }
    });
    String xml = Bpmn.convertToString(model);
    Set<String> leftOver = beansCalledIn(xml);
    if (!leftOver.isEmpty()) {
      throw new IllegalStateException("The bare model still calls our beans " + leftOver + ": teach BareModels"
          + " what they do (" + model.getModelElementsByType(Process.class).iterator().next().getId() + ")");
    }
    Bpmn.validateModel(model);
    return model;
  }

  /** The names of our beans that the expressions of {@code text} call. */
  Set<String> beansCalledIn(String text) {
    Set<String> called = new TreeSet<>();
    Matcher expression = EXPRESSION.matcher(text);
    while (expression.find()) {
      Matcher identifier = IDENTIFIER.matcher(expression.group(1).replaceAll("'[^']*'|\"[^\"]*\"", "''"));
      while (identifier.find()) {
        if (ourBeans.contains(identifier.group(1))) {
          called.add(identifier.group(1));
        }
      }
    }
    return called;
  }

  private void removeIfOurs(ModelElementInstance listener, String className, String expression,
      String delegateExpression) {
    boolean ours = className != null
        || (expression != null && !beansCalledIn(expression).isEmpty())
        || (delegateExpression != null && !beansCalledIn(delegateExpression).isEmpty());
    if (ours) {
      listener.getParentElement().removeChildElement(listener);
    }
  }

  private void replaceCalendarExpressions(BpmnModelInstance model) {
    for (TimeDate date : model.getModelElementsByType(TimeDate.class)) {
      replaceIfOurs(date, date.getParentElement().getParentElement());
    }
    for (TimeDuration duration : model.getModelElementsByType(TimeDuration.class)) {
      replaceIfOurs(duration, duration.getParentElement().getParentElement());
    }
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      String replacement = CALENDAR_EXPRESSIONS.get(task.getId());
      if (task.getCamundaFollowUpDate() != null && !beansCalledIn(task.getCamundaFollowUpDate()).isEmpty()
          && replacement != null) {
        task.setCamundaFollowUpDate(replacement);
      }
      if (task.getCamundaDueDate() != null && !beansCalledIn(task.getCamundaDueDate()).isEmpty()
          && replacement != null) {
        task.setCamundaDueDate(replacement);
      }
    }
  }

  private void replaceIfOurs(ModelElementInstance timerValue, ModelElementInstance event) {
    if (beansCalledIn(timerValue.getTextContent()).isEmpty()) {
      return;
    }
    String replacement = CALENDAR_EXPRESSIONS.get(((BaseElement) event).getId());
    if (replacement != null) {
      timerValue.setTextContent(replacement);
    }
  }

  private static void supply(BpmnModelInstance model, BaseElement activity, Supplied variable) {
    ExtensionElements extensions = activity.getExtensionElements();
    if (extensions == null) {
      extensions = model.newInstance(ExtensionElements.class);
      activity.setExtensionElements(extensions);
    }
    CamundaInputOutput inputOutput = extensions.getElementsQuery().filterByType(CamundaInputOutput.class).list()
        .stream().findFirst().orElse(null);
    if (inputOutput == null) {
      inputOutput = model.newInstance(CamundaInputOutput.class);
      extensions.addChildElement(inputOutput);
    }
    CamundaOutputParameter output = model.newInstance(CamundaOutputParameter.class);
    output.setCamundaName(variable.name());
    if (variable.list() == null) {
      output.setTextContent(variable.expression());
    } else {
      CamundaList list = model.newInstance(CamundaList.class);
      for (String element : variable.list()) {
        CamundaValue value = model.newInstance(CamundaValue.class);
        value.setTextContent(element);
        list.getValues().add(value);
      }
      output.setValue(list);
    }
    inputOutput.addChildElement(output);
  }

  private static List<Path> files(Path directory, String suffix) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(file -> file.getFileName().toString().endsWith(suffix)).sorted().toList();
    }
  }
}

package org.partnershippathways.deployment;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.Resource;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.partnershippathways.calendar.UkDates;
import org.partnershippathways.platform.InvalidRequestException;
import org.partnershippathways.timings.TimingsService;
import org.partnershippathways.timings.TimingsService.ProcessHistory;
import org.springframework.stereotype.Service;

/**
 * Each group's weekly task load under the deployed version of a process and under a changed model of it (issue 17),
 * from the recorded history of the last weeks (docs/process-change.md, "Task load of a changed process"):
 * cases started per week; per user task, visits per case from history (a task in both models keeps its history, a
 * new task takes the visit rate of the element before it); new tasks per week = cases per week x visits per case;
 * tasks open on an average day = new tasks per working day x average working days open (Little's law), the working
 * days open measured by the timings ({@link TimingsService#processHistory}). Nothing is deployed.
 */
@Service
record TaskLoadForecast(RepositoryService repository, IdentityService identity, TimingsService timings, ChangedModelCheck gate) {

  static final int MOST_WEEKS = 52;
  private static final String FIELD = "processModel";
  private static final Pattern WORKING_DAYS = Pattern.compile("^P(\\d+)D$");

  /** One user task: how often it comes and how long it stays open. */
  record TaskLoad(String taskId, String task, List<String> offeredTo, String inChangedModel, double visitsPerCase,
      double newTasksPerWeek, double workingDaysOpen, String workingDaysOpenFrom, double openOnAverageDay) {
  }

  /** A group's load: new tasks per week and tasks open on an average day, now and with the changed model. */
  record GroupLoad(String group, double newTasksPerWeekNow, double openOnAverageDayNow,
      double newTasksPerWeekChanged, double openOnAverageDayChanged) {
  }

  record Forecast(String process, String processName, int deployedVersion, String historyFrom, String historyTo,
      int weeks, int casesStarted, double casesPerWeek, int workingDays, List<GroupLoad> groups,
      List<TaskLoad> deployedTasks, List<TaskLoad> changedTasks) {
  }

  Forecast forecast(String processModel, Map<String, String> forms, int weeks) {
    BpmnModelInstance changed = readBpmn(processModel);
    Process process = changed.getModelElementsByType(Process.class).stream().filter(Process::isExecutable)
        .findFirst().orElseThrow(() -> new InvalidRequestException(FIELD, "The model has no executable process:"
            + " tick 'Executable' in Camunda Modeler"));
    ProcessDefinition deployed = repository.createProcessDefinitionQuery().processDefinitionKey(process.getId())
        .latestVersion().singleResult();
    if (deployed == null) {
      throw new InvalidRequestException(FIELD, "The model's process id '" + process.getId() + "' is not a process"
          + " of the pathway: keep the id of the deployed process you changed");
    }
    passesTheGate(deployed, processModel, forms);
    BpmnModelInstance current = repository.getBpmnModelInstance(deployed.getId());
    Set<String> measured = new LinkedHashSet<>(ids(userTasks(current)));
    measured.addAll(ids(userTasks(changed)));
    ProcessHistory history = timings.processHistory(deployed.getKey(), measured, weeks);
    Rates rates = new Rates(history, current, weeks, identity);
    List<TaskLoad> now = userTasks(current).stream().map(task -> rates.load(task, current, changed)).toList();
    List<TaskLoad> then = userTasks(changed).stream().map(task -> rates.load(task, changed, changed)).toList();
    return new Forecast(deployed.getKey(), deployed.getName(), deployed.getVersion(), UkDates.day(history.from()),
        UkDates.day(history.to()), weeks, history.instancesStarted(), round(rates.casesPerWeek()),
        history.workingDays(), groups(now, then), now, then);
  }

  private static BpmnModelInstance readBpmn(String processModel) {
    if (processModel == null || processModel.isBlank()) {
      throw new InvalidRequestException(FIELD, "Give the changed process model: the content of its .bpmn file");
    }
    try {
      return Bpmn.readModelFromStream(new ByteArrayInputStream(processModel.getBytes(StandardCharsets.UTF_8)));
    } catch (RuntimeException unreadable) { // parser and model errors alike mean "not a model we can read"
      throw new InvalidRequestException(FIELD, "This is not a process model Camunda can read: give the content of"
          + " a .bpmn file saved by Camunda Modeler");
    }
  }

  /** The changed model with the rest of the deployed process's deployment (and any forms given), through the gate. */
  private void passesTheGate(ProcessDefinition deployed, String processModel, Map<String, String> forms) {
    List<ModelFile> files = new ArrayList<>();
    Set<String> deployedForms = new HashSet<>();
    for (Resource resource : repository.getDeploymentResources(deployed.getDeploymentId())) {
      if (resource.getName().endsWith(".form")) {
        deployedForms.add(resource.getName().substring(resource.getName().lastIndexOf('/') + 1)
            .replace(".form", ""));
      }
      boolean given = forms.containsKey(resource.getName());
      if (!resource.getName().equals(deployed.getResourceName()) && !given) {
        files.add(new ModelFile(resource.getName(), resource.getBytes()));
      }
    }
    files.add(new ModelFile(deployed.getResourceName(), processModel.getBytes(StandardCharsets.UTF_8)));
    forms.forEach((name, content) -> files.add(new ModelFile(name, content.getBytes(StandardCharsets.UTF_8))));
    List<BrokenRule> broken = gate.check(files, deployedForms::contains);
    if (!broken.isEmpty()) {
      throw new InvalidRequestException(FIELD, ChangedModelCheck.inWords(broken));
    }
  }

  private static List<UserTask> userTasks(BpmnModelInstance model) {
    return List.copyOf(model.getModelElementsByType(UserTask.class));
  }

  private static List<String> ids(List<UserTask> tasks) {
    return tasks.stream().map(UserTask::getId).toList();
  }

  private List<GroupLoad> groups(List<TaskLoad> now, List<TaskLoad> then) {
    Map<String, double[]> byGroup = new LinkedHashMap<>();
    add(byGroup, now, 0);
    add(byGroup, then, 2);
    return byGroup.entrySet().stream().map(entry -> new GroupLoad(entry.getKey(), round(entry.getValue()[0]),
        round(entry.getValue()[1]), round(entry.getValue()[2]), round(entry.getValue()[3]))).toList();
  }

  private static void add(Map<String, double[]> byGroup, List<TaskLoad> tasks, int offset) {
    for (TaskLoad task : tasks) {
      for (String group : task.offeredTo()) {
        double[] figures = byGroup.computeIfAbsent(group, name -> new double[4]);
        figures[offset] += task.newTasksPerWeek();
        figures[offset + 1] += task.openOnAverageDay();
      }
    }
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }

  /** Visit rates and durations from the history, for the deployed model and the changed one. */
  private record Rates(ProcessHistory history, BpmnModelInstance current, int weeks, IdentityService identity) {

    /** Working days a task of the process stays open, on average over all its tasks (1 without history). */
    double averageOpen() {
      return history.passDurations().values().stream().flatMap(List::stream)
          .mapToDouble(Double::doubleValue).average().orElse(1);
    }

    double casesPerWeek() {
      return (double) history.instancesStarted() / weeks;
    }

    TaskLoad load(UserTask task, BpmnModelInstance model, BpmnModelInstance changed) {
      double visits = visitsPerCase(task, new HashSet<>());
      double perWeek = casesPerWeek() * visits;
      double perWorkingDay = history.workingDays() == 0 ? 0
          : history.instancesStarted() * visits / history.workingDays();
      List<Double> passes = history.passDurations().getOrDefault(task.getId(), List.of());
      double open;
      String from;
      Matcher due = WORKING_DAYS.matcher(String.valueOf(task.getCamundaDueDate()));
      if (isKept(task) && !passes.isEmpty()) {
        open = passes.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        from = passes.size() + " completed in the period";
      } else if (due.matches()) {
        open = Integer.parseInt(due.group(1));
        from = "its due date, " + due.group(1) + " working day" + ("1".equals(due.group(1)) ? "" : "s");
      } else {
        open = averageOpen();
        from = "the average of the process's tasks";
      }
      String inChanged = changed.getModelElementById(task.getId()) instanceof UserTask
          ? isKept(task) ? "kept" : "new" : "removed";
      return new TaskLoad(task.getId(), task.getName(), offeredTo(task), inChanged, round(visits), round(perWeek),
          round(open), from, round(perWorkingDay * open));
    }

    private boolean isKept(FlowNode node) {
      return current.getModelElementById(node.getId()) instanceof FlowNode;
    }

    /** A kept element's recorded entries per case; a new one's, the element before it (a start: once a case). */
    private double visitsPerCase(FlowNode node, Set<String> seen) {
      if (isKept(node)) {
        return history.instancesStarted() == 0 ? 0
            : (double) history.entries().getOrDefault(node.getId(), 0) / history.instancesStarted();
      }
      if (node instanceof StartEvent) {
        return 1;
      }
      if (!seen.add(node.getId()) || node.getIncoming().isEmpty()) {
        return 0;
      }
      return visitsPerCase(node.getIncoming().iterator().next().getSource(), seen);
    }

    private List<String> offeredTo(UserTask task) {
      String groups = task.getCamundaCandidateGroups();
      if (groups == null || groups.isBlank()) {
        return List.of("Its assignee");
      }
      if (groups.contains("${")) {
        return List.of("The group each case names (" + groups.strip() + ")");
      }
      List<String> names = new ArrayList<>();
      for (String id : groups.split(",")) {
        Group group = identity.createGroupQuery().groupId(id.strip()).singleResult();
        names.add(group == null || group.getName() == null ? id.strip() : group.getName());
      }
      return names;
    }
  }
}

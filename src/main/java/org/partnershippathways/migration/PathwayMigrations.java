package org.partnershippathways.migration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.batch.BatchStatistics;
import org.camunda.bpm.engine.batch.history.HistoricBatch;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceQuery;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.partnershippathways.calendar.UkDates;
import org.partnershippathways.deployment.RepositoryModels;
import org.partnershippathways.platform.FieldProblem;
import org.partnershippathways.platform.ForbiddenException;
import org.partnershippathways.platform.InvalidRequestException;
import org.partnershippathways.security.CurrentUser;
import org.partnershippathways.security.PathwayGroups;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moving running cases to another version of a pathway process (docs/process-change.md): the versions with their
 * running cases, a migration plan built with the engine's migration API (steps with the same id mapped, renamed
 * steps as the request maps them) and validated, its preview, and its run as a batch with who asked and why. For
 * process owners and managers; the engine is used as the system once the role is checked here.
 */
@Service
class PathwayMigrations {

  static final String ONLY_OWNERS_AND_MANAGERS = "Only process owners and pathway managers may move running cases"
      + " to another version of the pathway.";
  private final RepositoryService repository;
  private final RuntimeService runtime;
  private final ManagementService management;
  private final HistoryService history;
  private final RepositoryModels models;
  private final MigrationTable table;
  private final CurrentUser currentUser;
  private final FailedMoves failedMoves;

  PathwayMigrations(RepositoryService repository, RuntimeService runtime, ManagementService management,
      HistoryService history, RepositoryModels models, MigrationTable table, CurrentUser currentUser,
      FailedMoves failedMoves) {
    this.repository = repository;
    this.runtime = runtime;
    this.management = management;
    this.history = history;
    this.models = models;
    this.table = table;
    this.currentUser = currentUser;
    this.failedMoves = failedMoves;
  }

  /** A migration handed to the engine: its record, the engine's batch, and the cases moving and staying. */
  record MigrationStarted(String migrationId, String batchId, int casesMoving, int casesStaying, String message) {
  }

  /** A recorded migration and how far its batch has come, in words. */
  record MigrationDone(String migrationId, String process, String processName, int fromVersion, int toVersion,
      String stepMappings,
      int casesMoving, int casesStaying, String reason, String requestedBy, String requestedAt, String state,
      String batchId) {
  }

  List<PathwayVersions> versions() {
    checkAccess();
    List<String> scope = partnershipsMoved();
    return currentUser.asSystem(() -> models.processKeys().stream().map(key -> versionsOf(key, scope))
        .filter(process -> !process.versions().isEmpty()).toList());
  }

  MigrationPreview preview(MigrationRequest request) {
    checkAccess();
    List<String> scope = partnershipsMoved();
    return currentUser.asSystem(() -> plan(request, false, scope).preview());
  }

  @Transactional
  MigrationStarted migrate(MigrationRequest request) {
    checkAccess();
    String requestedBy = currentUser.actingId();
    List<String> scope = partnershipsMoved();
    return currentUser.asSystem(() -> {
      Planned planned = plan(request, true, scope);
      if (planned.plan() == null) {
        throw new InvalidRequestException(planned.problems().stream()
            .map(problem -> new FieldProblem("mappings", problem)).toList());
      }
      if (planned.moving().isEmpty()) {
        throw new InvalidRequestException("fromVersion", "has no running case that can move to version "
            + request.toVersion() + (planned.staying().isEmpty() ? "" : ": " + planned.staying().get(0).reason()));
      }
      Batch batch = runtime.newMigration(planned.plan()).processInstanceIds(planned.moving()).executeAsync();
      int staying = planned.staying().stream().mapToInt(MigrationPreview.Staying::cases).sum();
      String id = table.insert(new MigrationTable.Migration(null, request.process(), request.fromVersion(),
          request.toVersion(), planned.from().getId(), planned.to().getId(), mappingsInWords(planned),
          batch.getId(), planned.moving().size(), staying, request.reason().strip(), requestedBy, Instant.now()));
      return new MigrationStarted(id, batch.getId(), planned.moving().size(), staying,
          planned.moving().size() + " running case(s) of " + planned.from().getName() + " are moving from version "
              + request.fromVersion() + " to version " + request.toVersion() + "; " + staying + " stay.");
    });
  }

  List<MigrationDone> migrations() {
    checkAccess();
    return currentUser.asSystem(() -> table.latest(50).stream().map(migration -> new MigrationDone(migration.id(),
        migration.processKey(), processName(migration), migration.fromVersion(), migration.toVersion(),
        migration.stepMappings(),
        migration.casesMoving(), migration.casesStaying(), migration.reason(), migration.requestedBy(),
        UkDates.dayAndTime(migration.requestedAt()), stateOf(migration), migration.batchId())).toList());
  }

  void checkAccess() {
    if (!currentUser.isMemberOf(PathwayGroups.PROCESS_OWNERS) && !currentUser.isManager()) {
      throw new ForbiddenException(ONLY_OWNERS_AND_MANAGERS);
    }
  }

  /**
   * The partnerships whose cases the caller moves: a manager, their own partnership's; a process owner, who changes
   * the models every partnership shares, every partnership's (null).
   */
  private List<String> partnershipsMoved() {
    return currentUser.isMemberOf(PathwayGroups.PROCESS_OWNERS) ? null : currentUser.partnerships();
  }

  private ProcessInstanceQuery instancesOf(ProcessDefinition definition, List<String> partnerships) {
    ProcessInstanceQuery query = runtime.createProcessInstanceQuery().processDefinitionId(definition.getId());
    return partnerships == null ? query
        : query.tenantIdIn(partnerships.isEmpty() ? new String[] {""} : partnerships.toArray(String[]::new));
  }

  private PathwayVersions versionsOf(String key, List<String> partnerships) {
    List<ProcessDefinition> definitions = repository.createProcessDefinitionQuery().processDefinitionKey(key)
        .orderByProcessDefinitionVersion().desc().list();
    List<PathwayVersions.Version> versions = new ArrayList<>();
    for (ProcessDefinition definition : definitions) {
      Deployment deployment = repository.createDeploymentQuery().deploymentId(definition.getDeploymentId())
          .singleResult();
      versions.add(new PathwayVersions.Version(definition.getVersion(),
          UkDates.dayAndTime(deployment.getDeploymentTime().toInstant()), deployment.getName(),
          instancesOf(definition, partnerships).count(),
          versions.isEmpty()));
    }
    String name = definitions.isEmpty() ? key : nameOf(definitions.get(0));
    return new PathwayVersions(key, name, versions);
  }

  /** The process's name as its old version has it, else its key (the version's deployment was deleted since). */
  private String processName(MigrationTable.Migration migration) {
    ProcessDefinition definition = repository.createProcessDefinitionQuery()
        .processDefinitionId(migration.fromDefinitionId()).singleResult();
    return definition == null ? migration.processKey() : nameOf(definition);
  }

  private static String nameOf(ProcessDefinition definition) {
    return definition.getName() == null ? definition.getKey() : definition.getName();
  }

  /** The plan for the request and what it would do to each running case of the old version. */
  private Planned plan(MigrationRequest request, boolean toMigrate, List<String> partnerships) {
    if (request == null) {
      throw new InvalidRequestException("process", "is needed, with fromVersion and toVersion: the body was empty");
    }
    List<FieldProblem> problems = request.problems(toMigrate);
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    List<String> keys = models.processKeys();
    if (!keys.contains(request.process())) {
      throw new InvalidRequestException("process", "is not one of the pathway's processes: choose one of "
          + String.join(", ", keys));
    }
    ProcessDefinition from = definition(request.process(), request.fromVersion(), "fromVersion");
    ProcessDefinition to = definition(request.process(), request.toVersion(), "toVersion");
    VersionSteps fromSteps = new VersionSteps(repository.getBpmnModelInstance(from.getId()));
    VersionSteps toSteps = new VersionSteps(repository.getBpmnModelInstance(to.getId()));
    checkMappings(request, fromSteps, toSteps);

    MigrationPlanBuilder builder = runtime.createMigrationPlan(from.getId(), to.getId()).mapEqualActivities();
    request.mappingsOrNone().forEach(mapping -> builder.mapActivities(mapping.from().strip(), mapping.to().strip()));
    try {
      MigrationPlan plan = builder.build();
      return cases(from, to, fromSteps, toSteps, plan, List.of(), partnerships);
    } catch (MigrationPlanValidationException invalid) {
      return cases(from, to, fromSteps, toSteps, null, PlanInWords.of(invalid.getValidationReport(), fromSteps,
          toSteps), partnerships);
    }
  }

  private ProcessDefinition definition(String key, int version, String field) {
    ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(key)
        .processDefinitionVersion(version).singleResult();
    if (definition == null) {
      throw new InvalidRequestException(field, "names no deployed version: " + key + " has no version " + version);
    }
    return definition;
  }

  private static void checkMappings(MigrationRequest request, VersionSteps fromSteps, VersionSteps toSteps) {
    List<FieldProblem> problems = new ArrayList<>();
    List<MigrationRequest.StepMapping> mappings = request.mappingsOrNone();
    for (int i = 0; i < mappings.size(); i++) {
      if (!fromSteps.has(mappings.get(i).from().strip())) {
        problems.add(new FieldProblem("mappings[" + i + "].from", "names no step of version "
            + request.fromVersion()));
      }
      if (!toSteps.has(mappings.get(i).to().strip())) {
        problems.add(new FieldProblem("mappings[" + i + "].to", "names no step of version " + request.toVersion()));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
  }

  private Planned cases(ProcessDefinition from, ProcessDefinition to, VersionSteps fromSteps, VersionSteps toSteps,
      MigrationPlan plan, List<String> problems, List<String> partnerships) {
    Map<String, String> mapped = plan == null ? Map.of() : plan.getInstructions().stream()
        .collect(Collectors.toMap(MigrationInstruction::getSourceActivityId, MigrationInstruction::getTargetActivityId,
            (first, second) -> first));
    Map<String, Integer> waiting = new LinkedHashMap<>();
    Map<String, Integer> stayingByReason = new LinkedHashMap<>();
    List<String> moving = new ArrayList<>();
    for (ProcessInstance instance : instancesOf(from, partnerships).list()) {
      ActivityInstance tree = runtime.getActivityInstance(instance.getId());
      if (tree == null) {
        continue;
      }
      Set<String> steps = waitingSteps(tree);
      steps.forEach(step -> waiting.merge(step, 1, Integer::sum));
      List<String> unmapped = steps.stream().filter(step -> !mapped.containsKey(step)).toList();
      if (plan == null) {
        stayingByReason.merge("The plan does not hold (see the problems above).", 1, Integer::sum);
      } else if (unmapped.isEmpty()) {
        moving.add(instance.getId());
      } else {
        stayingByReason.merge("Waiting at " + unmapped.stream().map(fromSteps::quoted)
            .collect(Collectors.joining(" and ")) + ", which version " + to.getVersion() + " has no step for: map it"
            + " to a step of the new version, or finish it first.", 1, Integer::sum);
      }
    }
    List<MigrationPreview.WaitingStep> steps = waiting.entrySet().stream()
        .map(step -> new MigrationPreview.WaitingStep(step.getKey(), fromSteps.name(step.getKey()), step.getValue(),
            mapped.get(step.getKey()), mapped.containsKey(step.getKey()) ? toSteps.name(mapped.get(step.getKey()))
                : null))
        .sorted(java.util.Comparator.comparing(MigrationPreview.WaitingStep::step)).toList();
    List<MigrationPreview.Staying> staying = stayingByReason.entrySet().stream()
        .map(reason -> new MigrationPreview.Staying(reason.getValue(), reason.getKey())).toList();
    return new Planned(from, to, plan, problems, moving, steps, staying, toSteps.steps());
  }

  /**
   * Where a case waits: the innermost steps of its activity tree (a task, a called process, a timer) and the steps
   * it is about to leave or enter asynchronously. Only these need a mapping; the sub-processes around them follow.
   */
  static Set<String> waitingSteps(ActivityInstance instance) {
    Set<String> steps = new LinkedHashSet<>();
    for (TransitionInstance transition : instance.getChildTransitionInstances()) {
      steps.add(transition.getActivityId());
    }
    for (ActivityInstance child : instance.getChildActivityInstances()) {
      if (child.getChildActivityInstances().length == 0 && child.getChildTransitionInstances().length == 0) {
        steps.add(child.getActivityId());
      } else {
        steps.addAll(waitingSteps(child));
      }
    }
    return steps;
  }

  private String mappingsInWords(Planned planned) {
    return planned.plan().getInstructions().stream()
        .filter(instruction -> !instruction.getSourceActivityId().equals(instruction.getTargetActivityId()))
        .map(instruction -> instruction.getSourceActivityId() + " -> " + instruction.getTargetActivityId())
        .collect(Collectors.joining(", "));
  }

  private String stateOf(MigrationTable.Migration migration) {
    String batchId = migration.batchId();
    BatchStatistics running = management.createBatchStatisticsQuery().batchId(batchId).singleResult();
    if (running != null) {
      if (running.getFailedJobs() > 0) {
        List<String> cases = failedMoves.failedMoves(migration).stream()
            .map(failed -> failed.caseReference() + " (" + failed.reason() + ")").toList();
        return running.getFailedJobs() + " case(s) could not be moved" + (cases.isEmpty() ? ""
            : ": " + String.join("; ", cases)) + ". Each is an incident on the case and of the batch in Cockpit;"
            + " " + (running.getRemainingJobs() - running.getFailedJobs()) + " still to move";
      }
      return "Moving: " + running.getRemainingJobs() + " of " + running.getTotalJobs() + " still to move";
    }
    HistoricBatch done = history.createHistoricBatchQuery().batchId(batchId).singleResult();
    if (done == null || done.getEndTime() == null) {
      return "Moving";
    }
    return "Finished on " + UkDates.dayAndTime(done.getEndTime().toInstant());
  }

  /** A plan (null when it does not hold), its problems in words, and the cases it would move and leave. */
  private record Planned(ProcessDefinition from, ProcessDefinition to, MigrationPlan plan, List<String> problems,
      List<String> moving, List<MigrationPreview.WaitingStep> steps, List<MigrationPreview.Staying> staying,
      List<MigrationPreview.Step> stepsOfNewVersion) {

    MigrationPreview preview() {
      int stayingCases = staying.stream().mapToInt(MigrationPreview.Staying::cases).sum();
      return new MigrationPreview(from.getKey(), nameOf(from), from.getVersion(), to.getVersion(), plan != null,
          problems, moving.size(), stayingCases, steps, staying, stepsOfNewVersion);
    }
  }
}

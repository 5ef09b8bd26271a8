package org.partnershippathways.caseview;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.partnershippathways.accesslog.CaseAccessLog;
import org.partnershippathways.accesslog.WhatWasRead;
import org.partnershippathways.calendar.UkDates;
import org.partnershippathways.calendar.WorkingDayCalendar;
import org.partnershippathways.cases.CaseSummary;
import org.partnershippathways.cases.Cases;
import org.partnershippathways.cases.ConcernDetails;
import org.partnershippathways.intake.ConcernCategory;
import org.partnershippathways.platform.NotFoundException;
import org.partnershippathways.security.CurrentUser;
import org.partnershippathways.security.PathwayGroups;
import org.partnershippathways.triage.TriageWords;
import org.springframework.stereotype.Service;

/**
 * The facts of a task's case, for whoever may see the task: the engine decides that (the caller's task query is
 * authorization-checked), so a task the caller may not see is "not found". The person and the concerns are given
 * only for the partnership hub's tasks (candidate group coordinators or managers), the groups that may read them.
 */
@Service
public class TaskFactsReader {

  static final Set<String> HUB_GROUPS = Set.of(PathwayGroups.COORDINATORS, PathwayGroups.MANAGERS);
  private static final String TRIAGE_TASK = "Task_ConfirmTriage";

  private final TaskService tasks;
  private final Cases cases;
  private final CurrentUser currentUser;
  private final CaseAccessLog accessLog;
  private final ZoneId zone;

  TaskFactsReader(TaskService tasks, Cases cases, CurrentUser currentUser, CaseAccessLog accessLog,
      WorkingDayCalendar calendar) {
    this.tasks = tasks;
    this.cases = cases;
    this.currentUser = currentUser;
    this.accessLog = accessLog;
    this.zone = calendar.zone();
  }

  public TaskFacts of(String taskId) {
    Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
    if (task == null) {
      throw new NotFoundException("There is no task " + taskId + " that you may see.");
    }
    Map<String, Object> variables = currentUser.asSystem(() -> tasks.getVariables(task.getId(),
        List.of("caseId", "proposedRiskRating", "proposedUrgency", "proposedMeetingTimescale")));
    String caseId = Objects.toString(variables.get("caseId"), null);
    TaskFacts facts = currentUser.asSystem(() -> factsOf(task, caseId, variables));
    accessLog.record(caseId, facts.personal() ? WhatWasRead.TASK_FACTS : WhatWasRead.TASK_CASE_SUMMARY);
    return facts;
  }

  private TaskFacts factsOf(Task task, String caseId, Map<String, Object> variables) {
    CaseSummary summary = caseId == null ? null : cases.summary(caseId).orElse(null);
    if (summary == null) {
      throw new NotFoundException("The task " + task.getId() + " belongs to no case.");
    }
    String riskRating = TriageWords.riskRating(summary.riskRating());
    if (!forTheHub(task.getId())) {
      return new TaskFacts(caseId, summary.reference(), task.getName(), false, null, null, null, null, null, riskRating,
          null);
    }
    List<ConcernDetails> concerns = cases.concernDetails(caseId);
    LocalDate today = LocalDate.now(zone);
    LocalDate born = summary.person().dateOfBirth();
    TaskFacts.Person person = new TaskFacts.Person(summary.person().givenName() + " " + summary.person().familyName(),
        Period.between(born, today).getYears(), UkDates.day(born), summary.person().child());
    List<String> categories = summary.concernCategories().stream().map(ConcernCategory::wordsFor).toList();
    TaskFacts.Proposal proposal = TRIAGE_TASK.equals(task.getTaskDefinitionKey())
        ? new TaskFacts.Proposal(TriageWords.riskRating((String) variables.get("proposedRiskRating")),
            TriageWords.urgency((String) variables.get("proposedUrgency")),
            TriageWords.meetingWithin((String) variables.get("proposedMeetingTimescale")))
        : null;
    return new TaskFacts(caseId, summary.reference(), task.getName(), true, person, categories,
        concerns.stream().anyMatch(ConcernDetails::immediateRisk), concerns.stream().map(this::concern).toList(),
        cases.earlierConcerns(caseId).stream().map(earlier -> new TaskFacts.EarlierConcern(earlier.caseReference(),
            ukDate(earlier.raisedAt()), words(earlier.categories()))).toList(),
        riskRating, proposal);
  }

  private boolean forTheHub(String taskId) {
    return tasks.getIdentityLinksForTask(taskId).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
        .map(IdentityLink::getGroupId)
        .anyMatch(HUB_GROUPS::contains);
  }

  private TaskFacts.Concern concern(ConcernDetails concern) {
    return new TaskFacts.Concern(ukDate(concern.raisedAt()), words(concern.categories()), concern.description(),
        concern.referrer().name(), CodeWords.agency(concern.referrer().agency()), concern.immediateRisk());
  }

  private static List<String> words(List<String> categories) {
    return categories.stream().map(ConcernCategory::wordsFor).toList();
  }

  private String ukDate(Instant instant) {
    return UkDates.day(LocalDate.ofInstant(instant, zone));
  }
}

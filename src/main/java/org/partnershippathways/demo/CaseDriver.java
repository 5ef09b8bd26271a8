package org.partnershippathways.demo;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.partnershippathways.calendar.WorkingDayCalendar;

/**
 * Moves cases through the real pathway the way its people do: each user task is claimed and completed by a member
 * of its group, signed in (listeners record who decided), with the values its form sends. The demo leaves cases at
 * different stages with it; the benchmark drives cases to closure with it. Partner calls run on the job executor,
 * so the driver waits for the next task by polling the engine.
 */
public final class CaseDriver {

  /** A case being driven: its reference is the business key of every process of the case. */
  public record DrivenCase(String caseId, String reference) {
  }

  /** One action of the plan agreed at the meeting. */
  public record PlannedAction(String description, String agency, int workingDaysAhead, String priority) {
  }

  public static final String PARTNER_RESPONSE = "PartnerResponse";

  private final TaskService tasks;
  private final RuntimeService runtime;
  private final ManagementService management;
  private final IdentityService identity;
  private final WorkingDayCalendar calendar;
  private final UnaryOperator<String> userOfGroup;
  private final Duration poll;
  private final Duration patience;
  private final Map<String, List<String>> groupsOfUser = new ConcurrentHashMap<>();
  private final Map<String, List<String>> partnershipsOfUser = new ConcurrentHashMap<>();

  /** {@code userOfGroup} names the person who works the tasks of a candidate group. */
  public CaseDriver(TaskService tasks, RuntimeService runtime, ManagementService management,
      IdentityService identity, WorkingDayCalendar calendar, UnaryOperator<String> userOfGroup, Duration poll,
      Duration patience) {
    this.tasks = tasks;
    this.runtime = runtime;
    this.management = management;
    this.identity = identity;
    this.calendar = calendar;
    this.userOfGroup = userOfGroup;
    this.poll = poll;
    this.patience = patience;
  }

  /** The main path from triage to the closed case; {@code whileWaitingForReplies} may deliver partners' replies. */
  public void driveToClosure(DrivenCase driven, Runnable whileWaitingForReplies) {
    confirmTriageAsProposed(driven);
    giveConsent(driven, "FULL");
    reviewGatheredInformation(driven, whileWaitingForReplies);
    holdMeeting(driven);
    agreeActionPlan(driven, List.of(
        new PlannedAction("Police: review call history and offer a DASH risk assessment", "police", 5, "HIGH"),
        new PlannedAction("Health: GP follow-up appointment and talking-therapies referral", "health", 8,
            "MEDIUM")));
    completeEveryAction(driven, 2);
    reviewOutcomesMet(driven, "Actions done; outcomes met.");
    await("the case to close", () -> runtime.createProcessInstanceQuery()
        .processInstanceBusinessKey(driven.reference()).count() == 0 ? Optional.of(true) : Optional.empty());
  }

  public void confirmTriageAsProposed(DrivenCase driven) {
    Task triage = awaitTask(driven, "Task_ConfirmTriage");
    Map<String, Object> proposal = runtime.getVariables(triage.getExecutionId(),
        List.of("proposedRiskRating", "proposedUrgency", "proposedMeetingTimescale"));
    complete(triage, Map.of("riskRating", proposal.get("proposedRiskRating"),
        "urgency", proposal.get("proposedUrgency"), "meetingTimescale", proposal.get("proposedMeetingTimescale")));
  }

  public void giveConsent(DrivenCase driven, String scope) {
    complete(awaitTask(driven, "Task_RecordConsent"), Map.of("consentStatus", "GIVEN",
        "consentGivenBy", "The person, verbally to the referrer", "consentScope", scope));
  }

  public void reviewGatheredInformation(DrivenCase driven, Runnable whileWaitingForReplies) {
    Task review = await("partners' replies", () -> {
      Optional<Task> task = findTask(driven, "Task_ReviewGatheredInformation");
      if (task.isEmpty()) {
        whileWaitingForReplies.run();
      }
      return task;
    });
    complete(review, Map.of("informationSummary",
        "Partners' replies reviewed; shared picture agreed for the meeting."));
  }

  /** Schedules the meeting for tomorrow, records that it was held and who attended. */
  public void holdMeeting(DrivenCase driven) {
    complete(awaitTask(driven, "Task_ScheduleMeeting"), Map.of(
        "meetingDate", ZonedDateTime.now(calendar.zone()).plusDays(1).withHour(10).withMinute(0).withSecond(0)
            .withNano(0).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME),
        "meetingPlace", "Partnership hub, room 2 (and Teams)"));
    String meeting = await("message MeetingHeld", () -> runtime.createExecutionQuery()
        .processInstanceBusinessKey(driven.reference()).messageEventSubscriptionName("MeetingHeld").list().stream()
        .findFirst().map(execution -> execution.getProcessInstanceId()));
    runtime.createMessageCorrelation("MeetingHeld").processInstanceId(meeting).correlate();
    complete(awaitTask(driven, "Task_RecordAttendance"), Map.of("attendedPolice", true,
        "attendedHealth", true, "attendedSocialCare", false, "attendedVoluntary", true));
  }

  public void agreeActionPlan(DrivenCase driven, List<PlannedAction> actions) {
    Map<String, Object> plan = new HashMap<>();
    plan.put("decisions", "Agreed a joint plan; review in line with the pathway schedule.");
    plan.put("noActionsNeeded", false);
    for (int i = 0; i < actions.size(); i++) {
      PlannedAction action = actions.get(i);
      String field = "action" + (i + 1);
      plan.put(field + "Description", action.description());
      plan.put(field + "Agency", action.agency());
      plan.put(field + "DueDate", dueIn(action.workingDaysAhead()).toString());
      plan.put(field + "Priority", action.priority());
    }
    complete(awaitTask(driven, "Task_RecordDecisionsAndActions"), plan);
  }

  /** Waits for the case's {@code count} action tasks and completes each as done, by its agency. */
  public void completeEveryAction(DrivenCase driven, int count) {
    List<Task> actions = await(count + " action tasks", () -> {
      List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(driven.reference())
          .taskDefinitionKey("Task_CompleteAction").list();
      return open.size() == count ? Optional.of(open) : Optional.empty();
    });
    for (Task action : actions) {
      complete(action, Map.of("actionOutcome", "DONE", "outcomeReason", "Done as agreed at the meeting."));
    }
  }

  public void reviewOutcomesMet(DrivenCase driven, String notes) {
    complete(awaitTask(driven, "Task_ReviewCase"), Map.of("reviewOutcome", "OUTCOMES_MET", "reviewNotes", notes));
  }

  /** Waits for the case's task, then completes it as a member of its candidate group. */
  public void complete(DrivenCase driven, String taskKey, Map<String, Object> formValues) {
    complete(awaitTask(driven, taskKey), formValues);
  }

  public Task awaitTask(DrivenCase driven, String taskKey) {
    return await("task " + taskKey, () -> findTask(driven, taskKey));
  }

  /** Makes the case's timer of {@code activityId} fall due now, as if its date had passed. */
  public void fireTimerNow(DrivenCase driven, String activityId) {
    Job timer = await("timer " + activityId, () -> management.createJobQuery().timers().activityId(activityId)
        .list().stream().filter(job -> driven.caseId().equals(runtime.getVariable(job.getExecutionId(), "caseId")))
        .findFirst());
    management.setJobDuedate(timer.getId(), new Date());
  }

  /** The due date of an action {@code workingDays} ahead (negative: in the past). */
  public LocalDate dueIn(int workingDays) {
    return calendar.plusWorkingDays(ZonedDateTime.now(calendar.zone()), workingDays).toLocalDate();
  }

  private Optional<Task> findTask(DrivenCase driven, String taskKey) {
    return tasks.createTaskQuery().processInstanceBusinessKey(driven.reference()).taskDefinitionKey(taskKey)
        .list().stream().findFirst();
  }

  private void complete(Task task, Map<String, Object> formValues) {
    String user = userOfGroup.apply(candidateGroup(task));
    identity.setAuthentication(user, groupsOfUser.computeIfAbsent(user, this::groupsOf),
        partnershipsOfUser.computeIfAbsent(user, this::partnershipsOf));
    try {
      tasks.claim(task.getId(), user);
      tasks.complete(task.getId(), formValues);
    } finally {
      identity.clearAuthentication();
    }
  }

  private String candidateGroup(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(link -> link.getGroupId()).findFirst()
        .orElseThrow(() -> new IllegalStateException("task " + task.getTaskDefinitionKey() + " has no group"));
  }

  private List<String> partnershipsOf(String user) {
    return identity.createTenantQuery().userMember(user).list().stream().map(tenant -> tenant.getId()).toList();
  }

  private List<String> groupsOf(String user) {
    return identity.createGroupQuery().groupMember(user).list().stream().map(group -> group.getId()).toList();
  }

  <T> T await(String what, Supplier<Optional<T>> probe) {
    long deadline = System.nanoTime() + patience.toNanos();
    while (true) {
      Optional<T> found = probe.get();
      if (found.isPresent()) {
        return found.get();
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("gave up waiting for " + what + "; " + jobsNow());
      }
      try {
        Thread.sleep(poll.toMillis());
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + what);
      }
    }
  }

  /** What the job executor has left, so that a case that never moves says why (a partner down, no job executor). */
  private String jobsNow() {
    long due = management.createJobQuery().executable().count();
    List<String> failures = management.createJobQuery().withException().listPage(0, 3).stream()
        .map(job -> job.getExceptionMessage() + " (retries left " + job.getRetries() + ", next "
            + job.getDuedate() + ")")
        .toList();
    return due + " jobs due and not yet run" + (failures.isEmpty() ? ", none failed" : ", failed: " + failures);
  }
}

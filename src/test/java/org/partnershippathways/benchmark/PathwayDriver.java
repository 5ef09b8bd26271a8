package org.partnershippathways.benchmark;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.partnershippathways.calendar.WorkingDayCalendar;
import org.partnershippathways.security.PathwayGroups;

/**
 * Drives one case along the main path of the pathway to closure, as its people would: each user task is claimed
 * and completed by a member of its candidate group, signed in (listeners record who decided), with the values
 * its form sends. Works the same on the real models and on the bare ones ({@link BareModels}); only the partners'
 * replies differ (see {@link PartnerReplies}). Waits (for the job executor, for partners) poll the engine.
 */
final class PathwayDriver {

  /** A case started, real or bare: its business key finds the tasks of every process of the case. */
  record StartedCase(String caseId, String reference, String processInstanceId) {
  }

  /** How replies to the partners' information requests arrive. */
  interface PartnerReplies {
    /** Called while the case waits for replies; delivers those it can. */
    void deliverWaiting(StartedCase started);
  }

  static final String PARTNER_RESPONSE = "PartnerResponse";
  private static final Duration PATIENCE = Duration.ofMinutes(3);
  private static final long POLL_MILLIS = 20;
  private static final String COORDINATORS = PathwayGroups.COORDINATORS;

  private final TaskService tasks;
  private final RuntimeService runtime;
  private final BenchmarkUsers users;
  private final WorkingDayCalendar calendar;
  private final PartnerReplies replies;

  PathwayDriver(TaskService tasks, RuntimeService runtime, BenchmarkUsers users, WorkingDayCalendar calendar,
      PartnerReplies replies) {
    this.tasks = tasks;
    this.runtime = runtime;
    this.users = users;
    this.calendar = calendar;
    this.replies = replies;
  }

  /** From triage to the closed case (the closure notification, asynchronous, sent). */
  void driveToClosure(StartedCase started) {
    Task triage = awaitTask(started, "Task_ConfirmTriage");
    Map<String, Object> proposal = runtime.getVariables(triage.getExecutionId(),
        List.of("proposedRiskRating", "proposedUrgency", "proposedMeetingTimescale"));
    complete(triage, COORDINATORS, Map.of("riskRating", proposal.get("proposedRiskRating"),
        "urgency", proposal.get("proposedUrgency"), "meetingTimescale", proposal.get("proposedMeetingTimescale")));

    complete(awaitTask(started, "Task_RecordConsent"), COORDINATORS, Map.of("consentStatus", "GIVEN",
        "consentGivenBy", "The person, verbally to the referrer", "consentScope", "FULL"));

    Task review = await("partners' replies", () -> {
      Optional<Task> task = findTask(started, "Task_ReviewGatheredInformation");
      if (task.isEmpty()) {
        replies.deliverWaiting(started);
      }
      return task;
    });
    complete(review, COORDINATORS, Map.of("informationSummary",
        "Partners' replies reviewed; shared picture agreed for the meeting."));

    complete(awaitTask(started, "Task_ScheduleMeeting"), COORDINATORS, Map.of(
        "meetingDate", ZonedDateTime.now(calendar.zone()).plusDays(1).withHour(10).withMinute(0).withSecond(0)
            .withNano(0).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME),
        "meetingPlace", "Partnership hub, room 2 (and Teams)"));
    Execution meeting = await("message MeetingHeld", () -> runtime.createExecutionQuery()
        .processInstanceBusinessKey(started.reference()).messageEventSubscriptionName("MeetingHeld").list().stream()
        .findFirst());
    runtime.createMessageCorrelation("MeetingHeld").processInstanceId(meeting.getProcessInstanceId()).correlate();

    complete(awaitTask(started, "Task_RecordAttendance"), COORDINATORS, Map.of("attendedPolice", true,
        "attendedHealth", true, "attendedSocialCare", false, "attendedVoluntary", true));
    complete(awaitTask(started, "Task_RecordDecisionsAndActions"), COORDINATORS, actionPlan());

    List<Task> actions = await("both action tasks", () -> {
      List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(started.reference())
          .taskDefinitionKey("Task_CompleteAction").list();
      return open.size() == 2 ? Optional.of(open) : Optional.empty();
    });
    for (Task action : actions) {
      complete(action, candidateGroup(action), Map.of("actionOutcome", "DONE",
          "outcomeReason", "Done as agreed at the meeting."));
    }

    complete(awaitTask(started, "Task_ReviewCase"), COORDINATORS, Map.of("reviewOutcome", "OUTCOMES_MET",
        "reviewNotes", "Actions done; outcomes met."));
    await("the case to close", () -> runtime.createProcessInstanceQuery()
        .processInstanceId(started.processInstanceId()).count() == 0 ? Optional.of(true) : Optional.empty());
  }

  private Map<String, Object> actionPlan() {
    Map<String, Object> plan = new HashMap<>();
    plan.put("decisions", "Agreed a joint plan; review in line with the pathway schedule.");
    plan.put("noActionsNeeded", false);
    addAction(plan, 1, "Police: review call history and offer a DASH risk assessment", "police", 5, "HIGH");
    addAction(plan, 2, "Health: GP follow-up appointment and talking-therapies referral", "health", 8, "MEDIUM");
    return plan;
  }

  private void addAction(Map<String, Object> plan, int n, String description, String agency, int workingDays,
      String priority) {
    plan.put("action" + n + "Description", description);
    plan.put("action" + n + "Agency", agency);
    plan.put("action" + n + "DueDate",
        calendar.plusWorkingDays(ZonedDateTime.now(calendar.zone()), workingDays).toLocalDate().toString());
    plan.put("action" + n + "Priority", priority);
  }

  private String candidateGroup(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(link -> link.getGroupId()).findFirst()
        .orElseThrow(() -> new IllegalStateException("task " + task.getTaskDefinitionKey() + " has no group"));
  }

  private void complete(Task task, String group, Map<String, Object> formValues) {
    users.asMemberOf(group, () -> {
      tasks.claim(task.getId(), BenchmarkUsers.userOfGroup(group));
      tasks.complete(task.getId(), formValues);
    });
  }

  private Task awaitTask(StartedCase started, String taskKey) {
    return await("task " + taskKey, () -> findTask(started, taskKey));
  }

  private Optional<Task> findTask(StartedCase started, String taskKey) {
    return tasks.createTaskQuery().processInstanceBusinessKey(started.reference()).taskDefinitionKey(taskKey)
        .list().stream().findFirst();
  }

  private static <T> T await(String what, Supplier<Optional<T>> probe) {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (true) {
      Optional<T> found = probe.get();
      if (found.isPresent()) {
        return found.get();
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("gave up waiting for " + what);
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + what);
      }
    }
  }
}

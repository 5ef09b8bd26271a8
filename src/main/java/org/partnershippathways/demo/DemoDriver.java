package org.partnershippathways.demo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.partnershippathways.intake.ConcernIntake;
import org.partnershippathways.intake.ConcernReceipt;
import org.partnershippathways.intake.ConcernRequest;
import org.partnershippathways.security.Agency;

/**
 * Moves demo cases through the real pathway the way people do: a concern raised through intake, then tasks
 * completed in Tasklist by the demo user of the right group, with that user's identity. Partner calls run on the
 * job executor and replies come from the partner sandbox, so the driver waits for them like a coordinator would.
 */
class DemoDriver {

  private static final Duration PATIENCE = Duration.ofSeconds(90);

  private final ConcernIntake intake;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final ManagementService management;
  private final IdentityService identity;

  DemoDriver(ConcernIntake intake, TaskService tasks, RuntimeService runtime, ManagementService management,
      IdentityService identity) {
    this.intake = intake;
    this.tasks = tasks;
    this.runtime = runtime;
    this.management = management;
    this.identity = identity;
  }

  /** Raises the concern as {@code referrerUser}, who is named as the referrer with their agency. */
  ConcernReceipt raise(ConcernRequest concern, String referrerUser) {
    org.camunda.bpm.engine.identity.User user = identity.createUserQuery().userId(referrerUser).singleResult();
    String agency = groupsOf(referrerUser).stream().filter(group -> Agency.ofGroupId(group).isPresent())
        .findFirst().orElse("other");
    ConcernRequest fromUser = new ConcernRequest(new ConcernRequest.Referrer(
        user.getFirstName() + " " + user.getLastName(), agency, referrerUser + "@example.org"),
        concern.person(), concern.concernCategories(), concern.description(), concern.immediateRisk(),
        concern.consentObtained());
    return intake.raise(fromUser, "demo-" + concern.person().familyName() + "-" + concern.person().dateOfBirth(),
        referrerUser);
  }

  /** Waits for the case's task, then completes it as {@code user} with the form's values. */
  void complete(String caseId, String taskKey, String user, Map<String, Object> formValues) {
    Task task = awaitTask(caseId, taskKey);
    as(user, () -> {
      tasks.claim(task.getId(), user);
      tasks.complete(task.getId(), formValues);
    });
  }

  Task awaitTask(String caseId, String taskKey) {
    return await("task " + taskKey, () -> tasks.createTaskQuery().processVariableValueEquals("caseId", caseId)
        .taskDefinitionKey(taskKey).list().stream().findFirst());
  }

  /** Waits until the case has a process waiting for {@code messageName}, then sends it. */
  void correlate(String caseId, String messageName) {
    String executionProcess = await("message " + messageName, () -> runtime.createExecutionQuery()
        .messageEventSubscriptionName(messageName).processVariableValueEquals("caseId", caseId).list().stream()
        .findFirst().map(execution -> execution.getProcessInstanceId()));
    runtime.createMessageCorrelation(messageName).processInstanceId(executionProcess).correlate();
  }

  /** Makes the case's timer of {@code activityId} fall due now, as if its date had passed. */
  void fireTimerNow(String caseId, String activityId) {
    Job timer = await("timer " + activityId, () -> management.createJobQuery().timers().activityId(activityId)
        .list().stream().filter(job -> caseId.equals(runtime.getVariable(job.getExecutionId(), "caseId")))
        .findFirst());
    management.setJobDuedate(timer.getId(), new java.util.Date());
  }

  List<String> caseVariableList(String processInstanceId, String name) {
    @SuppressWarnings("unchecked")
    List<String> values = (List<String>) runtime.getVariable(processInstanceId, name);
    return values == null ? List.of() : values;
  }

  private void as(String user, Runnable work) {
    identity.setAuthentication(user, groupsOf(user));
    try {
      work.run();
    } finally {
      identity.clearAuthentication();
    }
  }

  private List<String> groupsOf(String user) {
    return identity.createGroupQuery().groupMember(user).list().stream().map(group -> group.getId()).toList();
  }

  private static <T> T await(String what, java.util.function.Supplier<Optional<T>> probe) {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<T> found = probe.get();
      if (found.isPresent()) {
        return found.get();
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + what);
      }
    }
    throw new IllegalStateException("demo case: gave up waiting for " + what);
  }
}

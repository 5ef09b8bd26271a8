package org.partnershippathways.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.partnershippathways.calendar.WorkingDays;
import org.partnershippathways.testsupport.LiquibaseProcessEngineConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(ProcessEngineCoverageExtension.class)
@Deployment(resources = {"processes/action-tracking.bpmn", "forms/complete-action.form",
    "forms/escalated-action.form"})
class ActionTrackingProcessTest {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  ProcessEngine processEngine;

  /** The action as the table holds it; the loadAction mock reads it like the real delegate reads the row. */
  private String owningAgency = "police";
  private LocalDate dueDay = LocalDate.of(2026, 12, 30);
  private int loads;
  private final List<String> reminders = new ArrayList<>();
  private final List<Integer> escalations = new ArrayList<>();
  private final List<String> outcomes = new ArrayList<>();

  @BeforeEach
  void mockDelegates() {
    BpmnAwareTests.init(processEngine);
    // Camunda's MockExpressionManager resolves only mocks, not the fixed beans of ProcessTestExpressionManager.
    Mocks.register("workingDays", new WorkingDays(LiquibaseProcessEngineConfiguration.testCalendar()));
    Mocks.register("loadAction", (JavaDelegate) execution -> {
      loads++;
      execution.setVariable("owningAgency", owningAgency);
      execution.setVariable("owningAgencyManagers", owningAgency + "-managers");
      execution.setVariable("dueDate", ActionDueDates.endOf(dueDay, LONDON));
      execution.setVariable("actionDueDay", dueDay.toString());
    });
    Mocks.register("sendActionReminder", (JavaDelegate) execution ->
        reminders.add((String) execution.getVariable("owningAgency")));
    Mocks.register("escalateAction", (JavaDelegate) execution ->
        escalations.add(((Number) execution.getVariableLocal("escalationLevel")).intValue()));
    Mocks.register("closeAction", (JavaDelegate) execution ->
        outcomes.add((String) execution.getVariable("actionOutcome")));
  }

  @AfterEach
  void resetClockAndMocks() {
    ClockUtil.reset();
    Mocks.reset();
  }

  @ParameterizedTest
  @ValueSource(strings = {"DONE", "NOT_DONE", "NO_LONGER_NEEDED"})
  void theOwningAgencyRecordsTheOutcomeAndTrackingEnds(String outcome) {
    now(2026, 12, 14, 9, 0);
    ProcessInstance tracking = start();

    assertThat(tracking).isWaitingAt("Task_CompleteAction");
    Task task = openTask("Task_CompleteAction");
    assertThat(task).hasCandidateGroup("police").hasDueDate(ActionDueDates.endOf(dueDay, LONDON));
    complete(task, withVariables("actionOutcome", outcome, "outcomeReason", "Recorded by the test"));

    assertThat(tracking).hasPassed("ServiceTask_CloseAction", "EndEvent_ActionClosed").isEnded();
    assertThat(outcomes).containsExactly(outcome);
    assertThat(managementService().createJobQuery().processInstanceId(tracking.getId()).count()).isZero();
  }

  @Test
  void theAgencyIsRemindedTwoWorkingDaysBeforeTheDueDateAcrossChristmas() {
    now(2026, 12, 14, 9, 0);
    ProcessInstance tracking = start();
    assertThat(tracking).isWaitingAt("Task_CompleteAction");

    // Due Wednesday 30 December: Tuesday 29 is one working day before, Monday 28 (Boxing Day's substitute),
    // the weekend and Christmas Day are not working days, Thursday 24 is the second.
    Date reminderDue = endOfDay(2026, 12, 24);
    assertThat(job("BoundaryEvent_ReminderDue").getDuedate()).isEqualTo(reminderDue);
    assertThat(openTask("Task_CompleteAction").getFollowUpDate()).isEqualTo(reminderDue);

    execute(job("BoundaryEvent_ReminderDue"));

    assertThat(reminders).containsExactly("police");
    assertThat(tracking).hasPassed("ServiceTask_SendActionReminder").isWaitingAt("Task_CompleteAction");
  }

  @Test
  void anOverdueActionGoesToTheAgencyManagersThenFiveWorkingDaysLaterToThePathwayManagers() {
    now(2026, 12, 14, 9, 0);
    ProcessInstance tracking = start();
    assertThat(tracking).isWaitingAt("Task_CompleteAction");

    assertThat(job("BoundaryEvent_ActionOverdue").getDuedate()).isEqualTo(endOfDay(2026, 12, 30));
    execute(job("BoundaryEvent_ActionOverdue"));
    assertThat(escalations).containsExactly(1);
    assertThat(openTask("Task_EscalatedActionAgencyManager")).hasCandidateGroup("police-managers");

    // Five working days after Wednesday 30 December, skipping New Year's Day and the weekend: Thursday 7 January.
    assertThat(job("BoundaryEvent_ActionStillOverdue").getDuedate()).isEqualTo(endOfDay(2027, 1, 7));
    execute(job("BoundaryEvent_ActionStillOverdue"));
    assertThat(escalations).containsExactly(1, 2);
    assertThat(openTask("Task_EscalatedActionPathwayManager")).hasCandidateGroup("managers");
    assertThat(tracking).isWaitingAt("Task_CompleteAction", "Task_EscalatedActionAgencyManager",
        "Task_EscalatedActionPathwayManager");

    complete(openTask("Task_EscalatedActionAgencyManager"), withVariables("escalationNote", "Spoke to the team"));
    complete(openTask("Task_EscalatedActionPathwayManager"), withVariables("escalationNote", "Raised at the board"));
    assertThat(tracking).hasPassed("EndEvent_AgencyManagerFollowedUp", "EndEvent_PathwayManagerFollowedUp");
    complete(openTask("Task_CompleteAction"), withVariables("actionOutcome", "DONE"));

    // Closing the action closes the escalations still open.
    assertThat(tracking).isEnded();
    assertThat(taskQuery().processInstanceId(tracking.getId()).count()).isZero();
  }

  @Test
  void reassigningTheActionGivesTheTaskToTheNewAgencyAndRestartsTheTimers() {
    now(2026, 12, 14, 9, 0);
    ProcessInstance tracking = start();
    assertThat(tracking).isWaitingAt("Task_CompleteAction");
    execute(job("BoundaryEvent_ActionOverdue"));
    assertThat(tracking).isWaitingAt("Task_CompleteAction", "Task_EscalatedActionAgencyManager");

    owningAgency = "health";
    runtimeService().createMessageCorrelation("ActionChanged").processInstanceId(tracking.getId()).correlate();

    assertThat(loads).isEqualTo(2);
    assertThat(tracking).hasPassed("BoundaryEvent_ActionChanged").isWaitingAt("Task_CompleteAction");
    assertThat(taskQuery().processInstanceId(tracking.getId()).count()).isOne();
    assertThat(openTask("Task_CompleteAction")).hasCandidateGroup("health");
    assertThat(timerJobs(tracking)).containsExactlyInAnyOrder("BoundaryEvent_ReminderDue",
        "BoundaryEvent_ActionOverdue", "BoundaryEvent_ActionStillOverdue");
  }

  @Test
  void movingTheDueDateMovesTheTaskAndEveryTimer() {
    now(2026, 12, 14, 9, 0);
    ProcessInstance tracking = start();
    assertThat(tracking).isWaitingAt("Task_CompleteAction");

    dueDay = LocalDate.of(2027, 1, 15);
    runtimeService().createMessageCorrelation("ActionChanged").processInstanceId(tracking.getId()).correlate();

    assertThat(tracking).isWaitingAt("Task_CompleteAction");
    assertThat(openTask("Task_CompleteAction")).hasDueDate(endOfDay(2027, 1, 15));
    assertThat(job("BoundaryEvent_ReminderDue").getDuedate()).isEqualTo(endOfDay(2027, 1, 13));
    assertThat(job("BoundaryEvent_ActionOverdue").getDuedate()).isEqualTo(endOfDay(2027, 1, 15));
    assertThat(job("BoundaryEvent_ActionStillOverdue").getDuedate()).isEqualTo(endOfDay(2027, 1, 22));
  }

  private ProcessInstance start() {
    return runtimeService().startProcessInstanceByKey("action-tracking", "PP-2026-000002",
        Map.of("caseId", "case-2", "caseReference", "PP-2026-000002", "actionId", "action-1"));
  }

  private static List<String> timerJobs(ProcessInstance tracking) {
    List<String> activities = new ArrayList<>();
    for (String activity : List.of("BoundaryEvent_ReminderDue", "BoundaryEvent_ActionOverdue",
        "BoundaryEvent_ActionStillOverdue")) {
      managementService().createJobQuery().processInstanceId(tracking.getId()).activityId(activity).timers().list()
          .forEach(job -> activities.add(activity));
    }
    return activities;
  }

  private static Task openTask(String key) {
    return taskQuery().taskDefinitionKey(key).singleResult();
  }

  private static void now(int year, int month, int day, int hour, int minute) {
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(year, month, day, hour, minute).atZone(LONDON).toInstant()));
  }

  private static Date endOfDay(int year, int month, int day) {
    return ActionDueDates.endOf(LocalDate.of(year, month, day), LONDON);
  }
}

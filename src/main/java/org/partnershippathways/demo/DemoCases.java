package org.partnershippathways.demo;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.partnershippathways.calendar.WorkingDayCalendar;
import org.partnershippathways.intake.ConcernReceipt;
import org.partnershippathways.intake.ConcernRequest;
import org.partnershippathways.intake.ConcernRequest.Person;
import org.partnershippathways.intake.ConcernRequest.Referrer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo cases, each left at a different stage of the pathway so that Tasklist and Cockpit have something to
 * show: waiting for triage, waiting for consent, partners asked, an action plan with an overdue and escalated
 * action, consent refused and closed, stepped up to statutory safeguarding, and closed with outcomes met.
 */
class DemoCases {

  private static final Logger log = LoggerFactory.getLogger(DemoCases.class);
  private static final String COORDINATOR = "coordinator";
  private static final String MANAGER = "manager";

  private final DemoDriver driver;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final JdbcClient jdbc;
  private final WorkingDayCalendar calendar;

  DemoCases(DemoDriver driver, TaskService tasks, RuntimeService runtime, JdbcClient jdbc,
      WorkingDayCalendar calendar) {
    this.driver = driver;
    this.tasks = tasks;
    this.runtime = runtime;
    this.jdbc = jdbc;
    this.calendar = calendar;
  }

  boolean alreadyCreated() {
    return jdbc.sql("select count(*) from pathway_case").query(Long.class).single() > 0;
  }

  /** Creates every demo case; one that cannot go further (a partner down, say) does not stop the others. */
  void createAll() {
    List<Runnable> scenarios = List.of(this::waitingForTriage, this::waitingForConsent,
        this::consentRefusedAndClosed, this::steppedUpToStatutorySafeguarding, this::partnersAsked,
        this::actionPlanWithAnOverdueAction, this::closedWithOutcomesMet);
    for (Runnable scenario : scenarios) {
      try {
        scenario.run();
      } catch (RuntimeException stopped) {
        log.warn("Demo case stopped early: {}", stopped.getMessage());
      }
    }
  }

  private void waitingForTriage() {
    ConcernReceipt raised = driver.raise(concern("Jordan", "Ellis", "1990-04-12", "4857773457", false,
        List.of("MENTAL_HEALTH", "SUBSTANCE_MISUSE"), false, false,
        "Repeated calls to the police about self-harm threats after losing his tenancy."), "police.officer");
    log.info("Demo case {}: waiting for triage", raised.caseReference());
  }

  private void waitingForConsent() {
    ConcernReceipt raised = driver.raise(concern("Amira", "Khan", "2012-09-03", null, true,
        List.of("ADVERSE_CHILDHOOD_EXPERIENCES", "DOMESTIC_ABUSE"), false, false,
        "School reports Amira witnessed domestic abuse at home; attendance has dropped."), "voluntary.worker");
    confirmTriage(raised.caseId());
    log.info("Demo case {}: waiting for the consent check", raised.caseReference());
  }

  private void consentRefusedAndClosed() {
    ConcernReceipt raised = driver.raise(concern("Sam", "Taylor", "1985-01-27", null, false,
        List.of("SUBSTANCE_MISUSE"), false, false,
        "Drug use reported by a neighbour; no indication of risk to others."), "health.practitioner");
    confirmTriage(raised.caseId());
    driver.complete(raised.caseId(), "Task_RecordConsent", COORDINATOR, Map.of("consentStatus", "REFUSED",
        "consentNotGivenReason", "Sam declined any sharing with other agencies when asked by the GP."));
    driver.complete(raised.caseId(), "Task_DecideSharingWithoutConsent", MANAGER, Map.of(
        "shareWithoutConsent", false, "decidedScope", "IDENTITY_ONLY",
        "decisionRationale", "No risk to others or to a child; refusal is respected."));
    driver.complete(raised.caseId(), "Task_SingleAgencySupport", COORDINATOR, Map.of("singleAgencySupport",
        "Signposted to the local drug and alcohol service; GP continues single-agency support."));
    log.info("Demo case {}: consent refused, closed with single-agency support", raised.caseReference());
  }

  private void steppedUpToStatutorySafeguarding() {
    ConcernReceipt raised = driver.raise(concern("Kai", "Robinson", "2010-06-18", null, true,
        List.of("EXPLOITATION", "MISSING_EPISODES"), true, false,
        "Third missing episode this month; found with older adults linked to county lines."), "police.officer");
    confirmTriage(raised.caseId());
    driver.awaitTask(raised.caseId(), "Task_StatutorySafeguardingReferral");
    log.info("Demo case {}: immediate risk, statutory referral waiting for social care", raised.caseReference());
  }

  private void partnersAsked() {
    ConcernReceipt raised = driver.raise(concern("Tyler", "Brooks", "1999-11-30", "4010232137", false,
        List.of("ANTI_SOCIAL_BEHAVIOUR", "HOUSING"), false, true,
        "Noise and intimidation complaints from neighbours; rent arrears and eviction notice."), "voluntary.worker");
    confirmTriage(raised.caseId());
    giveConsent(raised.caseId(), "IDENTITY_AND_CONCERN");
    driver.awaitTask(raised.caseId(), "Task_ReviewGatheredInformation");
    log.info("Demo case {}: partners asked and replied, information to review", raised.caseReference());
  }

  private void actionPlanWithAnOverdueAction() {
    ConcernReceipt raised = driver.raise(concern("Leah", "Morgan", "1994-02-08", "9990001251", false,
        List.of("DOMESTIC_ABUSE", "MENTAL_HEALTH"), false, true,
        "Leah disclosed controlling behaviour by her partner to her GP; low mood, isolated."), "health.practitioner");
    String caseId = raised.caseId();
    toActionPlan(caseId, List.of(
        action("Police: review call history and offer a DASH risk assessment", "police", 3, "HIGH"),
        action("Health: GP follow-up appointment and talking-therapies referral", "health", 10, "MEDIUM"),
        action("Voluntary: introduce the local domestic abuse outreach worker", "voluntary", 6, "MEDIUM")));
    backDateOverdueAction(caseId, "police");
    log.info("Demo case {}: action plan in progress, police action overdue and escalated", raised.caseReference());
  }

  private void closedWithOutcomesMet() {
    ConcernReceipt raised = driver.raise(concern("Priya", "Shah", "1978-07-21", null, false,
        List.of("HOUSING", "MENTAL_HEALTH"), false, true,
        "Priya is sofa-surfing after leaving hospital; risk of rough sleeping."), "social.worker");
    String caseId = raised.caseId();
    toActionPlan(caseId, List.of(
        action("Voluntary: housing options appointment", "voluntary", 5, "HIGH"),
        action("Health: community mental health team follow-up", "health", 8, "MEDIUM")));
    driver.complete(caseId, "Task_CompleteAction", "voluntary.worker", Map.of("actionOutcome", "DONE",
        "outcomeReason", "Supported accommodation offered and accepted."));
    driver.complete(caseId, "Task_CompleteAction", "health.practitioner", Map.of("actionOutcome", "DONE",
        "outcomeReason", "Seen by the CMHT; care plan in place."));
    driver.complete(caseId, "Task_ReviewCase", COORDINATOR, Map.of("reviewOutcome", "OUTCOMES_MET",
        "reviewNotes", "Housed and engaged with mental health services."));
    log.info("Demo case {}: closed, outcomes met", raised.caseReference());
  }

  private void toActionPlan(String caseId, List<Map<String, Object>> actions) {
    confirmTriage(caseId);
    giveConsent(caseId, "FULL");
    driver.complete(caseId, "Task_ReviewGatheredInformation", COORDINATOR, Map.of("informationSummary",
        "Partners' replies reviewed; shared picture agreed for the meeting."));
    driver.complete(caseId, "Task_ScheduleMeeting", COORDINATOR, Map.of(
        "meetingDate", ZonedDateTime.now(calendar.zone()).plusDays(1).withHour(10).withMinute(0)
            .format(DateTimeFormatter.ISO_LOCAL_DATE_TIME),
        "meetingPlace", "Partnership hub, room 2 (and Teams)"));
    driver.correlate(caseId, "MeetingHeld");
    driver.complete(caseId, "Task_RecordAttendance", COORDINATOR, Map.of("attendedPolice", true,
        "attendedHealth", true, "attendedSocialCare", false, "attendedVoluntary", true));
    Map<String, Object> plan = new HashMap<>();
    plan.put("decisions", "Agreed a joint plan; review in line with the pathway schedule.");
    plan.put("noActionsNeeded", false);
    for (int i = 0; i < actions.size(); i++) {
      int n = i + 1;
      actions.get(i).forEach((field, value) -> plan.put("action" + n + field, value));
    }
    driver.complete(caseId, "Task_RecordDecisionsAndActions", COORDINATOR, plan);
    driver.awaitTask(caseId, "Task_CompleteAction");
  }

  /**
   * The demo starts on an empty database, so nothing can be overdue yet: one action is back-dated as if the case
   * had been running for weeks, and its overdue timers are made due, so that the escalation really runs.
   */
  private void backDateOverdueAction(String caseId, String agency) {
    String actionId = jdbc.sql("select id from pathway_action where case_id = ? and owning_agency = ?")
        .params(caseId, agency).query(String.class).single();
    LocalDate overdueSince = calendar.plusWorkingDays(ZonedDateTime.now(calendar.zone()), -7).toLocalDate();
    jdbc.sql("update pathway_action set due_date = ? where id = ?").params(overdueSince, actionId).update();
    Task task = tasks.createTaskQuery().processVariableValueEquals("actionId", actionId)
        .taskDefinitionKey("Task_CompleteAction").singleResult();
    runtime.setVariable(task.getProcessInstanceId(), "dueDate",
        java.util.Date.from(overdueSince.atStartOfDay(calendar.zone()).toInstant()));
    task.setDueDate(java.util.Date.from(overdueSince.atStartOfDay(calendar.zone()).toInstant()));
    tasks.saveTask(task);
    driver.fireTimerNow(caseId, "BoundaryEvent_ActionOverdue");
    driver.awaitTask(caseId, "Task_EscalatedActionAgencyManager");
    driver.fireTimerNow(caseId, "BoundaryEvent_ActionStillOverdue");
    driver.awaitTask(caseId, "Task_EscalatedActionPathwayManager");
  }

  private void confirmTriage(String caseId) {
    Task task = driver.awaitTask(caseId, "Task_ConfirmTriage");
    Map<String, Object> proposal = runtime.getVariables(task.getExecutionId(),
        List.of("proposedRiskRating", "proposedUrgency", "proposedMeetingTimescale"));
    driver.complete(caseId, "Task_ConfirmTriage", COORDINATOR, Map.of(
        "riskRating", proposal.get("proposedRiskRating"), "urgency", proposal.get("proposedUrgency"),
        "meetingTimescale", proposal.get("proposedMeetingTimescale")));
  }

  private void giveConsent(String caseId, String scope) {
    driver.complete(caseId, "Task_RecordConsent", COORDINATOR, Map.of("consentStatus", "GIVEN",
        "consentGivenBy", "The person, verbally to the referrer", "consentScope", scope));
  }

  private Map<String, Object> action(String description, String agency, int workingDaysAhead, String priority) {
    LocalDate due = calendar.plusWorkingDays(ZonedDateTime.now(calendar.zone()), workingDaysAhead).toLocalDate();
    return Map.of("Description", description, "Agency", agency, "DueDate", due.toString(), "Priority", priority);
  }

  private static ConcernRequest concern(String givenName, String familyName, String dateOfBirth, String nhsNumber,
      boolean child, List<String> categories, boolean immediateRisk, boolean consentObtained, String description) {
    return new ConcernRequest(new Referrer("Alex Referrer", "other", "referrals@example.org"),
        new Person(givenName, familyName, dateOfBirth, nhsNumber, "1 Example Street, Exampletown", child),
        categories, description, immediateRisk, consentObtained);
  }
}

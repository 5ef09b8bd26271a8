package org.partnershippathways.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.partnershippathways.calendar.UkDates;
import org.partnershippathways.calendar.WorkingDayCalendar;
import org.partnershippathways.demo.CaseDriver.DrivenCase;
import org.partnershippathways.demo.CaseDriver.PlannedAction;
import org.partnershippathways.intake.ConcernIntake;
import org.partnershippathways.intake.ConcernReceipt;
import org.partnershippathways.intake.ConcernRequest;
import org.partnershippathways.intake.ConcernRequest.Person;
import org.partnershippathways.intake.ConcernRequest.Referrer;
import org.partnershippathways.security.Agency;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo cases, each left at a different stage of the pathway so that Tasklist and Cockpit have something to
 * show: waiting for triage, waiting for consent, partners asked, an action plan with an overdue and escalated
 * action, consent refused and closed, stepped up to statutory safeguarding, and closed with outcomes met.
 */
record DemoCases(ConcernIntake intake, IdentityService identity, CaseDriver driver, TaskService tasks,
    RuntimeService runtime, JdbcClient jdbc, WorkingDayCalendar calendar) {

  private static final Logger log = LoggerFactory.getLogger(DemoCases.class);
  boolean alreadyCreated() {
    return jdbc.sql("select count(*) from pathway_case").query(Long.class).single() > 0;
  }

  /** Creates every demo case; one that cannot go further (a partner down, say) does not stop the others. */
  void createAll() {
    List<Runnable> scenarios = List.of(this::waitingForTriage, this::waitingForConsent,
        this::consentRefusedAndClosed, this::steppedUpToStatutorySafeguarding, this::partnersAsked,
        this::actionPlanWithAnOverdueAction, this::closedWithOutcomesMet, this::inTheSecondPartnership);
    for (Runnable scenario : scenarios) {
      try {
        scenario.run();
      } catch (RuntimeException stopped) {
        log.warn("Demo case stopped early: {}", stopped.getMessage());
      }
    }
  }

  private void waitingForTriage() {
    DrivenCase raised = raise(concern("Jordan", "Ellis", "1990-04-12", "4857773457", false,
        List.of("MENTAL_HEALTH", "SUBSTANCE_MISUSE"), false, false,
        "Repeated calls to the police about self-harm threats after losing his tenancy."), "police.officer");
    log.info("Demo case {}: waiting for triage", raised.reference());
  }

  /** The second partnership's case, which nobody of the first sees (and the other way round). */
  private void inTheSecondPartnership() {
    if (identity.createUserQuery().userId("south.police.officer").count() == 0) {
      return;
    }
    DrivenCase raised = raise(concern("Robin", "Hale", "1988-05-09", null, false,
        List.of("DOMESTIC_ABUSE"), false, true,
        "Neighbours called the police twice this month about shouting and a child crying late at night."),
        "south.police.officer");
    log.info("Demo case {}: waiting for triage in the second partnership", raised.reference());
  }

  private void waitingForConsent() {
    DrivenCase raised = raise(concern("Amira", "Khan", "2012-09-03", null, true,
        List.of("ADVERSE_CHILDHOOD_EXPERIENCES", "DOMESTIC_ABUSE"), false, false,
        "School reports Amira witnessed domestic abuse at home; attendance has dropped."), "voluntary.worker");
    driver.confirmTriageAsProposed(raised);
    log.info("Demo case {}: waiting for the consent check", raised.reference());
  }

  private void consentRefusedAndClosed() {
    DrivenCase raised = raise(concern("Sam", "Taylor", "1985-01-27", null, false,
        List.of("SUBSTANCE_MISUSE"), false, false,
        "Drug use reported by a neighbour; no indication of risk to others."), "health.practitioner");
    driver.confirmTriageAsProposed(raised);
    driver.complete(raised, "Task_RecordConsent", Map.of("consentStatus", "REFUSED",
        "consentNotGivenReason", "Sam declined any sharing with other agencies when asked by the GP."));
    driver.complete(raised, "Task_DecideSharingWithoutConsent", Map.of(
        "shareWithoutConsent", false, "decidedScope", "IDENTITY_ONLY",
        "decisionRationale", "No risk to others or to a child; refusal is respected."));
    driver.complete(raised, "Task_SingleAgencySupport", Map.of("singleAgencySupport",
        "Signposted to the local drug and alcohol service; GP continues single-agency support."));
    log.info("Demo case {}: consent refused, closed with single-agency support", raised.reference());
  }

  private void steppedUpToStatutorySafeguarding() {
    DrivenCase raised = raise(concern("Kai", "Robinson", "2010-06-18", null, true,
        List.of("EXPLOITATION", "MISSING_EPISODES"), true, false,
        "Third missing episode this month; found with older adults linked to county lines."), "police.officer");
    driver.confirmTriageAsProposed(raised);
    driver.awaitTask(raised, "Task_StatutorySafeguardingReferral");
    log.info("Demo case {}: immediate risk, statutory referral waiting for social care", raised.reference());
  }

  private void partnersAsked() {
    DrivenCase raised = raise(concern("Tyler", "Brooks", "1999-11-30", "4010232137", false,
        List.of("ANTI_SOCIAL_BEHAVIOUR", "HOUSING"), false, true,
        "Noise and intimidation complaints from neighbours; rent arrears and eviction notice."), "voluntary.worker");
    driver.confirmTriageAsProposed(raised);
    driver.giveConsent(raised, "IDENTITY_AND_CONCERN");
    driver.awaitTask(raised, "Task_ReviewGatheredInformation");
    log.info("Demo case {}: partners asked and replied, information to review", raised.reference());
  }

  private void actionPlanWithAnOverdueAction() {
    DrivenCase raised = raise(concern("Leah", "Morgan", "1994-02-08", "9990001251", false,
        List.of("DOMESTIC_ABUSE", "MENTAL_HEALTH"), false, true,
        "Leah disclosed controlling behaviour by her partner to her GP; low mood, isolated."), "health.practitioner");
    toActionPlan(raised, List.of(
        new PlannedAction("Police: review call history and offer a DASH risk assessment", "police", 3, "HIGH"),
        new PlannedAction("Health: GP follow-up appointment and talking-therapies referral", "health", 10, "MEDIUM"),
        new PlannedAction("Voluntary: introduce the local domestic abuse outreach worker", "voluntary", 6, "MEDIUM")));
    backDateOverdueAction(raised, "police");
    log.info("Demo case {}: action plan in progress, police action overdue and escalated", raised.reference());
  }

  private void closedWithOutcomesMet() {
    DrivenCase raised = raise(concern("Priya", "Shah", "1978-07-21", null, false,
        List.of("HOUSING", "MENTAL_HEALTH"), false, true,
        "Priya is sofa-surfing after leaving hospital; risk of rough sleeping."), "social.worker");
    toActionPlan(raised, List.of(
        new PlannedAction("Voluntary: housing options appointment", "voluntary", 5, "HIGH"),
        new PlannedAction("Health: community mental health team follow-up", "health", 8, "MEDIUM")));
    driver.completeEveryAction(raised, 2);
    driver.reviewOutcomesMet(raised, "Housed and engaged with mental health services.");
    log.info("Demo case {}: closed, outcomes met", raised.reference());
  }

  private void toActionPlan(DrivenCase raised, List<PlannedAction> actions) {
    driver.confirmTriageAsProposed(raised);
    driver.giveConsent(raised, "FULL");
    driver.reviewGatheredInformation(raised, () -> { });
    driver.holdMeeting(raised);
    driver.agreeActionPlan(raised, actions);
    driver.awaitTask(raised, "Task_CompleteAction");
  }

  /**
   * The demo starts on an empty database, so nothing can be overdue yet: one action is back-dated as if the case
   * had been running for weeks, and its reminder and overdue timers are made due, so that the reminder and the
   * escalations really run (and are e-mailed).
   */
  private void backDateOverdueAction(DrivenCase raised, String agency) {
    String actionId = jdbc.sql("select id from pathway_action where case_id = ? and owning_agency = ?")
        .params(raised.caseId(), agency).query(String.class).single();
    LocalDate overdueSince = driver.dueIn(-7);
    jdbc.sql("update pathway_action set due_date = ? where id = ?").params(overdueSince, actionId).update();
    Task task = tasks.createTaskQuery().processVariableValueEquals("actionId", actionId)
        .taskDefinitionKey("Task_CompleteAction").singleResult();
    runtime.setVariable(task.getProcessInstanceId(), "dueDate",
        java.util.Date.from(overdueSince.atStartOfDay(calendar.zone()).toInstant()));
    runtime.setVariable(task.getProcessInstanceId(), "actionDueDay", UkDates.day(overdueSince));
    task.setDueDate(java.util.Date.from(overdueSince.atStartOfDay(calendar.zone()).toInstant()));
    tasks.saveTask(task);
    // the reminder the agency had two working days before (e-mailed, see /demo/mailbox), then the escalations
    driver.fireTimerNow(raised, "BoundaryEvent_ReminderDue");
    driver.await("the reminder of the " + agency + " action", () -> jdbc.sql("select count(*) from action_event"
        + " where action_id = ? and event_type = 'REMINDER_SENT'").params(actionId).query(Long.class).optional()
        .filter(count -> count > 0));
    driver.fireTimerNow(raised, "BoundaryEvent_ActionOverdue");
    driver.awaitTask(raised, "Task_EscalatedActionAgencyManager");
    driver.fireTimerNow(raised, "BoundaryEvent_ActionStillOverdue");
    driver.awaitTask(raised, "Task_EscalatedActionPathwayManager");
  }

  /** Raises the concern as {@code referrerUser}, who is named as the referrer with their agency. */
  private DrivenCase raise(ConcernRequest concern, String referrerUser) {
    User user = identity.createUserQuery().userId(referrerUser).singleResult();
    String agency = identity.createGroupQuery().groupMember(referrerUser).list().stream().map(Group::getId)
        .filter(group -> Agency.ofGroupId(group).isPresent()).findFirst().orElse("other");
    ConcernRequest fromUser = new ConcernRequest(new Referrer(user.getFirstName() + " " + user.getLastName(),
        agency, referrerUser + "@example.org"), concern.person(), concern.concernCategories(),
        concern.description(), concern.immediateRisk(), concern.consentObtained());
    String partnership = identity.createTenantQuery().userMember(referrerUser).list().get(0).getId();
    ConcernReceipt receipt = intake.raise(fromUser,
        "demo-" + concern.person().familyName() + "-" + concern.person().dateOfBirth(), referrerUser, partnership);
    return new DrivenCase(receipt.caseId(), receipt.caseReference());
  }

  private static ConcernRequest concern(String givenName, String familyName, String dateOfBirth, String nhsNumber,
      boolean child, List<String> categories, boolean immediateRisk, boolean consentObtained, String description) {
    return new ConcernRequest(new Referrer("Alex Referrer", "other", "referrals@example.org"),
        new Person(givenName, familyName, dateOfBirth, nhsNumber, "1 Example Street, Exampletown", child),
        categories, description, immediateRisk, consentObtained);
  }
}

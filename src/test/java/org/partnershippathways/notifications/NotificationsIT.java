package org.partnershippathways.notifications;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnershippathways.actions.ActionPlan;
import org.partnershippathways.actions.NewAction;
import org.partnershippathways.calendar.UkDates;
import org.partnershippathways.intake.ConcernIntake;
import org.partnershippathways.intake.ConcernReceipt;
import org.partnershippathways.intake.ConcernRequest;
import org.partnershippathways.testsupport.PathwaysIntegrationTest;
import org.partnershippathways.testsupport.TestPartnerships;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 19, item 7: each of the five events e-mails its group's members once, through a real SMTP server
 * (GreenMail, in-process), with the case reference and a link to Tasklist and none of the person's details; an
 * e-mail the mail server could not take is sent once it is back.
 */
@PathwaysIntegrationTest(properties = {
    "pathways.notifications.channel=smtp",
    "pathways.notifications.from=pathways@hub.test",
    "pathways.notifications.link-base=https://pathways.test",
    "pathways.notifications.send-every=100ms",
    "pathways.notifications.first-retry=300ms",
    "pathways.notifications.max-retry=300ms",
    "spring.mail.host=127.0.0.1",
    "spring.datasource.hikari.maximum-pool-size=4"})
// a context of its own (its mail server and partners stop with the class): closed afterwards, so that its
// connections do not stay open next to the other test contexts' on a PostgreSQL server shared by several builds
@DirtiesContext
class NotificationsIT {

  static final int SMTP_PORT = freePort();
  static final WireMockServer PARTNERS = refusingPartners();
  static GreenMail smtp = startSmtp();

  static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  static final String FAMILY_NAME = "Thistlewood" + RUN;
  static final String NHS_NUMBER = "9990001251";
  static final String ADDRESS = "17 Larkspur Mews, Exampletown";
  static final String DESCRIPTION = "Distinctive concern text " + RUN;
  static final String PASSWORD = UUID.randomUUID().toString();

  @DynamicPropertySource
  static void mailServerAndPartners(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.port", () -> SMTP_PORT);
    registry.add("pathways.partners.police.base-url", () -> PARTNERS.baseUrl() + "/police");
    registry.add("pathways.partners.social-care.base-url", () -> PARTNERS.baseUrl() + "/social-care");
  }

  @AfterAll
  static void stopServers() {
    smtp.stop();
    PARTNERS.stop();
  }

  @Autowired ConcernIntake intake;
  @Autowired ActionPlan actionPlan;
  @Autowired IdentityService identity;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired org.camunda.bpm.engine.TaskService tasks;
  @Autowired JdbcClient jdbc;
  @Autowired TestRestTemplate rest;

  final List<String> createdUsers = new ArrayList<>();
  ConcernReceipt concern;

  @BeforeEach
  void aCaseAndOneMemberInEachGroupTold() {
    for (String group : List.of("police", "police-managers", "managers", "coordinators", "social-care-managers",
        "out-of-hours-duty")) {
      String id = "nt-" + group + "-" + RUN;
      if (identity.createUserQuery().userId(id).count() == 0) {
        User user = identity.newUser(id);
        user.setEmail(address(group));
        user.setPassword(PASSWORD);
        identity.saveUser(user);
        identity.createTenantUserMembership(TestPartnerships.FIRST, id);
        identity.createMembership(id, group);
        createdUsers.add(id);
      }
    }
  }

  /** A concern about a person of its own (another with the same NHS number would join the same case). */
  private void raise(String familyName, String nhsNumber) {
    concern = intake.raise(new ConcernRequest(new ConcernRequest.Referrer("Ada Referrer", "police",
            "ada@police.example"),
        new ConcernRequest.Person("Oswin", familyName, "1987-03-14", nhsNumber, ADDRESS, false),
        List.of("MENTAL_HEALTH"), DESCRIPTION, false, true), "nt-" + UUID.randomUUID(), "nt-police-" + RUN,
        TestPartnerships.FIRST);
  }

  @AfterEach
  void removeUsers() {
    createdUsers.forEach(identity::deleteUser);
  }

  @Test
  void eachEventEmailsItsGroupsMembersOnceWithTheReferenceAndALinkAndNoPersonalDetails() throws Exception {
    raise(FAMILY_NAME, NHS_NUMBER);
    LocalDate due = actionPlan.today().plusDays(14);
    String actionId = actionPlan.addActions(concern.caseId(), null, List.of(
        new NewAction("Visit Oswin " + FAMILY_NAME + " at " + ADDRESS, "police", due, "HIGH"))).get(0);
    ProcessInstance tracking = runtime.startProcessInstanceByKey("action-tracking", concern.caseReference(),
        Map.of("caseId", concern.caseId(), "caseReference", concern.caseReference(), "actionId", actionId));
    management.executeJob(timer(tracking.getId(), "BoundaryEvent_ReminderDue"));
    management.executeJob(timer(tracking.getId(), "BoundaryEvent_ActionOverdue"));
    management.executeJob(timer(tracking.getId(), "BoundaryEvent_ActionStillOverdue"));

    ProcessInstance stepUp = runtime.startProcessInstanceByKey("statutory-step-up", concern.caseReference(),
        Map.of("caseId", concern.caseId(), "caseReference", concern.caseReference(), "child", false,
            "riskRating", "RED"));
    runJobs(stepUp.getId(), "ServiceTask_NotifyPolice", "ServiceTask_NotifySocialCare");
    // the coordinators tell both another way (their tasks after the refusals); then the referral is due
    tasks.createTaskQuery().processInstanceId(stepUp.getId()).list().forEach(task -> tasks.complete(task.getId(),
        Map.of("notificationResolution", "Phoned them")));
    management.executeJob(timer(stepUp.getId(), "BoundaryEvent_ReferralOverdue"));

    String dueDay = UkDates.day(due);
    String reference = concern.caseReference();
    awaitMails(8);
    assertThat(subjectsTo("police")).containsExactlyInAnyOrder(
        reference + ": a new action for Police, due " + dueDay,
        reference + ": reminder, an action for Police is due on " + dueDay);
    assertThat(subjectsTo("police-managers")).containsExactly(
        reference + ": overdue action for Police (due " + dueDay + ")");
    assertThat(subjectsTo("managers")).containsExactly(
        reference + ": overdue action for Police (due " + dueDay + ")");
    assertThat(subjectsTo("coordinators")).containsExactlyInAnyOrder(
        reference + ": Police refused a request", reference + ": Social care refused a request");
    assertThat(subjectsTo("social-care-managers")).containsExactly(
        reference + ": statutory referral not decided in time");
    assertThat(subjectsTo("out-of-hours-duty")).containsExactly(
        reference + ": statutory referral not decided in time");

    for (MimeMessage mail : ourMails()) {
      String text = mail.getSubject() + "\n" + mail.getContent();
      assertThat(text).as("every e-mail names the case and links to Tasklist")
          .contains(reference, "https://pathways.test/camunda/app/tasklist/");
      assertThat(text).as("no personal details in any e-mail")
          .doesNotContain("Oswin", FAMILY_NAME, NHS_NUMBER, "999 000 1251", "1987", "14/03", "Larkspur",
              DESCRIPTION, "Visit");
      assertThat(mail.getFrom()[0].toString()).isEqualTo("pathways@hub.test");
    }
    // the sender marks a row sent after the mail server took it: on a busy machine that can come a moment later
    await(() -> jdbc.sql("select count(*) from notification_outbox where case_id = :id and status <> 'SENT'")
        .param("id", concern.caseId()).query(Long.class).single() == 0, "every e-mail of the case marked sent");

    // the out-of-hours duty officer follows the escalation up: the form's note is required by the server too
    String escalation = tasks.createTaskQuery().processInstanceId(stepUp.getId())
        .taskDefinitionKey("Task_EscalatedStatutoryReferral").singleResult().getId();
    TestRestTemplate duty = rest.withBasicAuth("nt-out-of-hours-duty-" + RUN, PASSWORD);
    ResponseEntity<String> withoutNote = duty.postForEntity("/engine-rest/task/" + escalation + "/submit-form",
        Map.of("variables", Map.of()), String.class);
    assertThat(withoutNote.getStatusCode()).as(withoutNote.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(withoutNote.getBody()).contains("Please correct the form: referral escalation note is needed: say"
        + " what you did to get the referral decided");
    ResponseEntity<String> withNote = duty.postForEntity("/engine-rest/task/" + escalation + "/submit-form",
        Map.of("variables", Map.of("referralEscalationNote", Map.of("value",
            "Reached the emergency duty social worker by phone at 22:05", "type", "String"))), String.class);
    assertThat(withNote.getStatusCode()).as(withNote.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(tasks.createTaskQuery().processInstanceId(stepUp.getId()).taskDefinitionKey(
        "Task_StatutorySafeguardingReferral").count()).as("the referral itself still waits for social care")
        .isEqualTo(1);
  }

  @Test
  void anEmailTheMailServerCouldNotTakeIsSentOnceItIsBack() throws Exception {
    raise("Other" + UUID.randomUUID().toString().substring(0, 8), null);
    smtp.stop();
    String actionId = actionPlan.addActions(concern.caseId(), null, List.of(
        new NewAction("Phone call", "police", actionPlan.today().plusDays(7), "LOW"))).get(0);
    runtime.startProcessInstanceByKey("action-tracking", concern.caseReference(),
        Map.of("caseId", concern.caseId(), "caseReference", concern.caseReference(), "actionId", actionId));

    await(() -> jdbc.sql("select count(*) from notification_outbox where case_id = :id and attempts >= 2"
        + " and status = 'WAITING' and last_error is not null").param("id", concern.caseId())
        .query(Long.class).single() > 0, "two failed attempts while the mail server is down");
    smtp = startSmtp();
    awaitMails(1);
    await(() -> jdbc.sql("select count(*) from notification_outbox where case_id = :id and status <> 'SENT'")
        .param("id", concern.caseId()).query(Long.class).single() == 0, "the e-mail marked sent");
    Thread.sleep(1000);
    assertThat(subjectsTo("police")).as("sent once, after the failures").singleElement()
        .satisfies(subject -> assertThat(subject).startsWith(concern.caseReference() + ": a new action for Police"));
    assertThat(jdbc.sql("select status from notification_outbox where case_id = :id").param("id", concern.caseId())
        .query(String.class).list()).containsExactly("SENT");
  }

  private void runJobs(String processInstanceId, String... activities) {
    for (String activity : activities) {
      management.executeJob(management.createJobQuery().processInstanceId(processInstanceId).activityId(activity)
          .singleResult().getId());
    }
  }

  private String timer(String processInstanceId, String activityId) {
    return management.createJobQuery().processInstanceId(processInstanceId).activityId(activityId).singleResult()
        .getId();
  }

  private List<MimeMessage> ourMails() {
    return Arrays.stream(smtp.getReceivedMessages()).filter(mail -> {
      try {
        return mail.getAllRecipients()[0].toString().endsWith("-" + RUN + ".test");
      } catch (Exception e) {
        return false;
      }
    }).toList();
  }

  private List<String> subjectsTo(String group) throws Exception {
    List<String> subjects = new ArrayList<>();
    for (MimeMessage mail : ourMails()) {
      if (mail.getAllRecipients()[0].toString().equals(address(group))) {
        subjects.add(mail.getSubject());
      }
    }
    return subjects;
  }

  private void awaitMails(int count) throws InterruptedException {
    await(() -> ourMails().size() >= count, count + " e-mails");
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("waited 30 s for " + what);
      }
      Thread.sleep(100);
    }
  }

  private static String address(String group) {
    return group + "@agency-" + RUN + ".test";
  }

  private static GreenMail startSmtp() {
    GreenMail server = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
    return server;
  }

  private static WireMockServer refusingPartners() {
    WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort()
        .bindAddress("127.0.0.1"));
    server.start();
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(422)
        .withHeader("Content-Type", "application/json").withBody("{\"error\": \"not our area\"}")));
    return server;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}

package org.partnershippathways.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.partnershippathways.reliability.PathwayClient.Answer;

/**
 * Drives one case along the main path to closure over HTTP, as its people do: a coordinator raises the concern
 * ({@code POST /api/concerns}, with an idempotency key, so that a concern sent again after a lost answer is one
 * case), and the coordinator and the agencies' practitioners work their tasks through the engine's REST API (the
 * list of their tasks, claim, complete with the values their forms send); the coordinator marks the meeting held
 * ({@code POST /api/meetings/{meetingId}/held}); the partners reply by themselves (the partner sandbox). The driver
 * keeps no state of its own: each round it reads what the case waits for and does it, so an answer lost with a
 * killed node, or refused while the database restarts, is simply read again.
 */
final class RestCaseDriver {

  /** A case: its id and reference (the business key of every process of the case). */
  record DrivenCase(int index, String caseId, String reference) {
  }

  /** Where a case was left when its driver gave up on it. */
  static final class StuckCase extends RuntimeException {
    StuckCase(String where) {
      super(where);
    }
  }

  static final String COORDINATOR = "reliability.coordinator";
  static final Map<String, String> PRACTITIONER_OF_AGENCY = Map.of("police", "reliability.police",
      "health", "reliability.health");
  /** Concern categories by case: partner-routing.dmn asks police and health, health and voluntary, police and
   *  voluntary. */
  private static final List<List<String>> CATEGORIES = List.of(
      List.of("DOMESTIC_ABUSE", "MENTAL_HEALTH"),
      List.of("HOUSING", "SUBSTANCE_MISUSE"),
      List.of("ANTI_SOCIAL_BEHAVIOUR", "HOUSING"));
  private static final ZoneId ZONE = ZoneId.of("Europe/London");
  private static final Duration POLL = Duration.ofMillis(700);

  private final PathwayClient client;
  private final String run;
  private final Duration patience;

  RestCaseDriver(PathwayClient client, String run, Duration patience) {
    this.client = client;
    this.run = run;
    this.patience = patience;
  }

  /** Raises case {@code index}'s concern; sent again with the same idempotency key until a node accepts it. */
  DrivenCase start(int index) {
    Map<String, String> headers = Map.of("Idempotency-Key", "reliability-" + run + "-" + index);
    long deadline = System.nanoTime() + patience.toNanos();
    String last = "";
    while (System.nanoTime() < deadline) {
      Answer answer = client.send(COORDINATOR, "POST", "/api/concerns", concern(index), headers);
      if (answer.ok() && answer.body() != null && answer.body().hasNonNull("caseReference")) {
        if (answer.body().path("joinedExistingCase").asBoolean(false)) {
          throw new StuckCase("the concern joined an existing case " + answer.body().path("caseReference"));
        }
        return new DrivenCase(index, answer.body().path("caseId").asText(),
            answer.body().path("caseReference").asText());
      }
      last = answer.status() + " " + answer.body();
      PathwayClient.sleep(POLL);
    }
    throw new StuckCase("intake: the concern was not accepted (" + last + ")");
  }

  /** Works the case's tasks until its pathway has ended; throws {@link StuckCase} when it stops moving. */
  void driveToClosure(DrivenCase driven) {
    long lastMove = System.nanoTime();
    // The last coordinators' task seen: what else the case may wait for after it (a meeting to be held, the
    // agencies' actions, the end of the pathway), so that a round asks only that.
    String stage = "";
    while (true) {
      boolean moved = false;
      // Coordinators see the agencies' action tasks of their cases too; those are the agencies' to work.
      List<JsonNode> coordinatorTasks = tasks(COORDINATOR, driven, null).stream()
          .filter(task -> !task.path("taskDefinitionKey").asText().equals("Task_CompleteAction")).toList();
      for (JsonNode task : coordinatorTasks) {
        stage = task.path("taskDefinitionKey").asText();
        moved |= work(driven, task);
      }
      if (coordinatorTasks.isEmpty()) {
        switch (stage) {
          case "Task_ScheduleMeeting" -> moved = markMeetingHeldIfWaiting(driven);
          case "Task_RecordDecisionsAndActions" -> moved = completeAgencyActions(driven);
          case "Task_ReviewCase" -> {
            if (pathwayEnded(driven)) {
              return;
            }
          }
          default -> {
            // waiting for the engine (partners' replies, asynchronous steps)
          }
        }
      }
      if (moved) {
        lastMove = System.nanoTime();
      } else if (System.nanoTime() - lastMove > patience.toNanos()) {
        throw new StuckCase("no move for " + patience.toMinutes() + " min after "
            + (stage.isEmpty() ? "intake" : stage));
      } else {
        PathwayClient.sleep(POLL);
      }
    }
  }

  private boolean completeAgencyActions(DrivenCase driven) {
    boolean moved = false;
    for (Map.Entry<String, String> agency : PRACTITIONER_OF_AGENCY.entrySet()) {
      for (JsonNode action : tasks(agency.getValue(), driven, "Task_CompleteAction")) {
        moved |= complete(agency.getValue(), action, Map.of("actionOutcome", "DONE",
            "outcomeReason", "Done as agreed at the meeting."));
      }
    }
    return moved;
  }

  private boolean work(DrivenCase driven, JsonNode task) {
    String key = task.path("taskDefinitionKey").asText();
    return switch (key) {
      case "Task_ConfirmTriage" -> confirmTriage(task);
      case "Task_RecordConsent" -> complete(COORDINATOR, task, Map.of("consentStatus", "GIVEN",
          "consentGivenBy", "The person, verbally to the referrer", "consentScope", "FULL"));
      case "Task_ReviewGatheredInformation" -> complete(COORDINATOR, task, Map.of("informationSummary",
          "Partners' replies reviewed; shared picture agreed for the meeting."));
      case "Task_ScheduleMeeting" -> complete(COORDINATOR, task, Map.of(
          "meetingDate", ZonedDateTime.now(ZONE).plusDays(1).withHour(10).withMinute(0).withSecond(0).withNano(0)
              .format(DateTimeFormatter.ISO_LOCAL_DATE_TIME),
          "meetingPlace", "Partnership hub, room 2 (and Teams)"));
      case "Task_RecordAttendance" -> complete(COORDINATOR, task, Map.of("attendedPolice", true,
          "attendedHealth", true, "attendedSocialCare", false, "attendedVoluntary", true));
      case "Task_RecordDecisionsAndActions" -> complete(COORDINATOR, task, actionPlan());
      case "Task_ReviewCase" -> complete(COORDINATOR, task, Map.of("reviewOutcome", "OUTCOMES_MET",
          "reviewNotes", "Actions done; outcomes met."));
      default -> throw new StuckCase("at a task off the main path: " + key + " (" + driven.reference() + ")");
    };
  }

  private boolean confirmTriage(JsonNode task) {
    Answer proposal = client.get(COORDINATOR, "/engine-rest/task/" + task.path("id").asText()
        + "/variables?variableNames=proposedRiskRating,proposedUrgency,proposedMeetingTimescale");
    if (!proposal.ok() || proposal.body() == null) {
      return false;
    }
    return complete(COORDINATOR, task, Map.of(
        "riskRating", proposal.body().path("proposedRiskRating").path("value").asText(),
        "urgency", proposal.body().path("proposedUrgency").path("value").asText(),
        "meetingTimescale", proposal.body().path("proposedMeetingTimescale").path("value").asText()));
  }

  private Map<String, Object> actionPlan() {
    Map<String, Object> plan = new HashMap<>();
    plan.put("decisions", "Agreed a joint plan; review in line with the pathway schedule.");
    plan.put("noActionsNeeded", false);
    plan.put("action1Description", "Police: review call history and offer a DASH risk assessment");
    plan.put("action1Agency", "police");
    plan.put("action1DueDate", workingDayAhead(7).toString());
    plan.put("action1Priority", "HIGH");
    plan.put("action2Description", "Health: GP follow-up appointment and talking-therapies referral");
    plan.put("action2Agency", "health");
    plan.put("action2DueDate", workingDayAhead(10).toString());
    plan.put("action2Priority", "MEDIUM");
    return plan;
  }

  /** A weekday at least {@code days} ahead, outside the Christmas and New Year bank holidays. */
  private static LocalDate workingDayAhead(int days) {
    LocalDate day = LocalDate.now(ZONE).plusDays(days);
    while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY
        || (day.getMonthValue() == 12 && day.getDayOfMonth() >= 24)
        || (day.getMonthValue() == 1 && day.getDayOfMonth() <= 2)) {
      day = day.plusDays(1);
    }
    return day;
  }

  /** Claims and completes a task as {@code user}; false when a node refused (the next round reads it again). */
  private boolean complete(String user, JsonNode task, Map<String, Object> formValues) {
    String id = task.path("id").asText();
    if (!user.equals(task.path("assignee").asText(null))) {
      if (!client.post(user, "/engine-rest/task/" + id + "/claim", Map.of("userId", user)).ok()) {
        return false;
      }
    }
    Map<String, Object> variables = new LinkedHashMap<>();
    formValues.forEach((name, value) -> variables.put(name, Map.of("value", value)));
    return client.post(user, "/engine-rest/task/" + id + "/complete", Map.of("variables", variables)).ok();
  }

  private boolean markMeetingHeldIfWaiting(DrivenCase driven) {
    Answer waiting = client.get(COORDINATOR, "/engine-rest/execution?businessKey=" + encode(driven.reference())
        + "&messageEventSubscriptionName=MeetingHeld");
    if (!waiting.ok() || waiting.body() == null || waiting.body().isEmpty()) {
      return false;
    }
    String instance = waiting.body().get(0).path("processInstanceId").asText();
    Answer meeting = client.get(COORDINATOR, "/engine-rest/process-instance/" + instance + "/variables/meetingId");
    if (!meeting.ok() || meeting.body() == null) {
      return false;
    }
    return client.post(COORDINATOR, "/api/meetings/" + meeting.body().path("value").asText() + "/held", null)
        .ok();
  }

  /** Whether the case's pathway no longer runs (the coordinator's view: the case has left the running cases). */
  private boolean pathwayEnded(DrivenCase driven) {
    Answer running = client.get(COORDINATOR, "/engine-rest/process-instance?businessKey="
        + encode(driven.reference()) + "&processDefinitionKey=early-intervention-pathway");
    return running.ok() && running.body() != null && running.body().isArray() && running.body().isEmpty();
  }

  private List<JsonNode> tasks(String user, DrivenCase driven, String taskKey) {
    Answer answer = client.get(user, "/engine-rest/task?processInstanceBusinessKey=" + encode(driven.reference())
        + (taskKey == null ? "" : "&taskDefinitionKey=" + taskKey));
    if (!answer.ok() || answer.body() == null || !answer.body().isArray()) {
      return List.of();
    }
    List<JsonNode> found = new java.util.ArrayList<>();
    answer.body().forEach(found::add);
    return found;
  }

  private Map<String, Object> concern(int index) {
    LocalDate born = LocalDate.of(1970, 1, 1).plusDays(index % 12_000);
    Map<String, Object> person = new LinkedHashMap<>();
    person.put("givenName", "Sam");
    person.put("familyName", "Reliability-" + run + "-" + index);
    person.put("dateOfBirth", born.toString());
    person.put("address", index + " Example Street, Exampletown");
    person.put("child", false);
    Map<String, Object> concern = new LinkedHashMap<>();
    concern.put("referrer", Map.of("name", "Reliability Referrer", "agency", "police",
        "contact", "referrals@example.org"));
    concern.put("person", person);
    concern.put("concernCategories", CATEGORIES.get(index % CATEGORIES.size()));
    concern.put("description", "Reliability run: repeated contacts with several agencies; needs a joined-up plan.");
    concern.put("immediateRisk", false);
    concern.put("consentObtained", true);
    return concern;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}

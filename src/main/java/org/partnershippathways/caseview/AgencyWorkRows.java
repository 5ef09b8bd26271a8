package org.partnershippathways.caseview;

import static org.partnershippathways.caseview.ChronologyRows.instant;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.partnershippathways.calendar.UkDates;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The agencies' part of a case, read (never written) from the tables of sharing, partners and actions: requests
 * to an agency and its replies, actions with their changes, reminders and escalations. Each entry is for the agency
 * it concerns (an action: every agency that has owned it) and the partnership hub.
 */
@Repository
class AgencyWorkRows {

  private final JdbcClient jdbc;

  AgencyWorkRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The agencies that have work on the case: asked for information, sent a request, owning or having owned an action. */
  Set<String> agenciesInvolved(String caseId) {
    return new HashSet<>(jdbc.sql("""
            select agency from information_request where case_id = :id
            union select agency from partner_request where case_id = :id
            union select owning_agency from pathway_action where case_id = :id
            union select c.old_value from action_change c join pathway_action a on a.id = c.action_id
              where a.case_id = :id and c.change_type = 'REASSIGNED'""")
        .param("id", caseId).query(String.class).list());
  }

  List<DatedEntry> of(String caseId) {
    List<DatedEntry> entries = new ArrayList<>();
    entries.addAll(informationRequests(caseId));
    entries.addAll(replies(caseId));
    entries.addAll(otherRequests(caseId));
    entries.addAll(actions(caseId));
    return entries;
  }

  private List<DatedEntry> informationRequests(String caseId) {
    List<DatedEntry> entries = new ArrayList<>();
    jdbc.sql("select * from information_request where case_id = :id").param("id", caseId).query(row -> {
      String agency = row.getString("agency");
      Set<String> audience = Set.of(agency);
      String by = null;
      entries.add(new DatedEntry(instant(row, "requested_at"), "request",
          "Information asked of " + CodeWords.agency(agency), null, null, agency, by, audience, false));
      Instant chased = instant(row, "chased_at");
      if (chased != null) {
        entries.add(new DatedEntry(chased, "reminder", CodeWords.agency(agency) + " reminded to reply", null, null,
            agency, by, audience, false));
      }
      String status = row.getString("status");
      Instant closed = instant(row, "closed_at");
      if (closed != null && !"ANSWERED".equals(status)) {
        String reason = row.getString("closed_reason");
        entries.add(new DatedEntry(closed, "request", "Request to " + CodeWords.agency(agency) + " "
            + CodeWords.of(status), reason, reason, agency, by, audience, false));
      }
    });
    return entries;
  }

  private List<DatedEntry> replies(String caseId) {
    return jdbc.sql("select * from partner_response where case_id = :id").param("id", caseId).query((row, n) -> {
      String agency = row.getString("agency");
      String detail = row.getString("summary") + (row.getString("responded_by") == null ? ""
          : " (replied by " + row.getString("responded_by") + ")");
      return new DatedEntry(instant(row, "received_at"), "reply", "Reply from " + CodeWords.agency(agency) + ": "
          + (row.getBoolean("holds_information") ? "it holds information" : "it holds no information"),
          detail, detail, agency, null, Set.of(agency), false);
    }).list();
  }

  /** Requests other than information requests (those are above): notifications, referrals, invitations, notices. */
  private List<DatedEntry> otherRequests(String caseId) {
    return jdbc.sql("select * from partner_request where case_id = :id and request_type <> 'INFORMATION_REQUEST'")
        .param("id", caseId).query((row, n) -> {
          String agency = row.getString("agency");
          String status = CodeWords.of(row.getString("status"));
          return new DatedEntry(instant(row, "created_at"), "request", CodeWords.of(row.getString("request_type"))
              + " sent to " + CodeWords.agency(agency), capitalised(status) + ".", capitalised(status) + ".", agency,
              row.getString("requested_by"), Set.of(agency), false);
        }).list();
  }

  private List<DatedEntry> actions(String caseId) {
    Map<String, Set<String>> owners = new HashMap<>();
    Map<String, String> descriptions = new HashMap<>();
    List<DatedEntry> entries = new ArrayList<>();
    jdbc.sql("select * from pathway_action where case_id = :id").param("id", caseId).query(row -> {
      String id = row.getString("id");
      owners.put(id, new HashSet<>(Set.of(row.getString("owning_agency"))));
      descriptions.put(id, row.getString("description"));
    });
    jdbc.sql("""
            select c.* from action_change c join pathway_action a on a.id = c.action_id
            where a.case_id = :id and c.change_type = 'REASSIGNED'""").param("id", caseId)
        .query(row -> {
          owners.get(row.getString("action_id")).add(row.getString("old_value"));
        });
    jdbc.sql("select * from pathway_action where case_id = :id").param("id", caseId).query(row -> {
      String id = row.getString("id");
      String agency = firstOwner(id, row.getString("owning_agency"));
      String detail = row.getString("description") + ". Priority " + CodeWords.of(row.getString("priority"))
          + ".";
      entries.add(new DatedEntry(instant(row, "created_at"), "action", "Action for " + CodeWords.agency(agency)
          + ", due " + UkDates.day(firstDueDate(id, row.getObject("due_date", LocalDate.class))), detail, detail,
          agency, row.getString("created_by"), owners.get(id), false));
      Instant closed = instant(row, "closed_at");
      if (closed != null) {
        String outcome = "Action " + CodeWords.of(row.getString("status")).toLowerCase() + ": "
            + row.getString("description");
        String reason = row.getString("outcome_reason");
        entries.add(new DatedEntry(closed, "action", outcome, reason, reason, row.getString("owning_agency"),
            row.getString("closed_by"), owners.get(id), false));
      }
    });
    entries.addAll(changes(caseId, owners, descriptions));
    entries.addAll(events(caseId, owners, descriptions));
    return entries;
  }

  private String firstOwner(String actionId, String owner) {
    return jdbc.sql("""
            select old_value from action_change where action_id = :id and change_type = 'REASSIGNED'
            order by changed_at, id""").param("id", actionId).query(String.class).list().stream().findFirst()
        .orElse(owner);
  }

  private LocalDate firstDueDate(String actionId, LocalDate due) {
    return jdbc.sql("""
            select old_value from action_change where action_id = :id and change_type = 'DUE_DATE_MOVED'
            order by changed_at, id""").param("id", actionId).query(String.class).list().stream().findFirst()
        .map(LocalDate::parse).orElse(due);
  }

  private List<DatedEntry> changes(String caseId, Map<String, Set<String>> owners, Map<String, String> descriptions) {
    return jdbc.sql("""
            select c.* from action_change c join pathway_action a on a.id = c.action_id
            where a.case_id = :id""").param("id", caseId).query((row, n) -> {
              String actionId = row.getString("action_id");
              boolean reassigned = "REASSIGNED".equals(row.getString("change_type"));
              String what = reassigned
                  ? "Action reassigned from " + CodeWords.agency(row.getString("old_value")) + " to "
                      + CodeWords.agency(row.getString("new_value"))
                  : "Action's due date moved from " + ukDay(row.getString("old_value")) + " to "
                      + ukDay(row.getString("new_value"));
              String detail = descriptions.get(actionId) + ". Reason: " + row.getString("reason");
              return new DatedEntry(instant(row, "changed_at"), "action", what, detail, detail,
                  reassigned ? row.getString("new_value") : null, row.getString("changed_by"), owners.get(actionId),
                  false);
            }).list();
  }

  private List<DatedEntry> events(String caseId, Map<String, Set<String>> owners, Map<String, String> descriptions) {
    return jdbc.sql("""
            select e.*, a.owning_agency from action_event e join pathway_action a on a.id = e.action_id
            where a.case_id = :id""").param("id", caseId).query((row, n) -> {
              String type = row.getString("event_type");
              String agency = row.getString("owning_agency");
              String what = switch (type) {
                case "REMINDER_SENT" -> "Reminder sent to " + CodeWords.agency(agency) + ": an action is due soon";
                case "ESCALATED_AGENCY_MANAGERS" -> "Overdue action escalated to " + CodeWords.agency(agency)
                    + " managers";
                case "ESCALATED_PATHWAY_MANAGERS" -> "Overdue action escalated to the pathway managers";
                default -> CodeWords.of(type);
              };
              String detail = descriptions.get(row.getString("action_id")) + ".";
              return new DatedEntry(instant(row, "occurred_at"),
                  "REMINDER_SENT".equals(type) ? "reminder" : "escalation", what, detail, detail, agency, null,
                  owners.get(row.getString("action_id")), false);
            }).list();
  }

  private static String ukDay(String isoDate) {
    try {
      return UkDates.day(LocalDate.parse(isoDate));
    } catch (RuntimeException notADate) {
      return isoDate;
    }
  }

  private static String capitalised(String words) {
    return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }
}

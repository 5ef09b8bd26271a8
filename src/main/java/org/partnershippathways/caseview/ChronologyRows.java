package org.partnershippathways.caseview;

import static org.partnershippathways.caseview.DatedEntry.EVERY_AGENCY;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.partnershippathways.calendar.UkDates;
import org.partnershippathways.calendar.WorkingDayCalendar;
import org.partnershippathways.consent.SharingPurpose;
import org.partnershippathways.triage.TriageWords;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What happened on a case, read (never written) from the tables where each capability records it: concerns and
 * the duplicate check, triage, consent and lawful-basis decisions and withdrawals, the meeting and its decisions,
 * and the restriction. Requests, replies and actions are read by {@link AgencyWorkRows}.
 */
@Repository
class ChronologyRows {

  private final JdbcClient jdbc;
  private final ZoneId zone;

  ChronologyRows(JdbcClient jdbc, WorkingDayCalendar calendar) {
    this.jdbc = jdbc;
    this.zone = calendar.zone();
  }

  List<DatedEntry> of(String caseId) {
    List<DatedEntry> entries = new ArrayList<>();
    entries.addAll(caseItself(caseId));
    entries.addAll(concerns(caseId));
    entries.addAll(triage(caseId));
    entries.addAll(sharing(caseId));
    entries.addAll(withdrawals(caseId));
    entries.addAll(meetings(caseId));
    entries.addAll(reviews(caseId));
    return entries;
  }

  private List<DatedEntry> caseItself(String caseId) {
    List<DatedEntry> entries = new ArrayList<>();
    jdbc.sql("select * from pathway_case where id = :id").param("id", caseId).query(row -> {
      entries.add(new DatedEntry(instant(row, "created_at"), "case", "Case " + row.getString("reference") + " opened",
          null, null, null, null, EVERY_AGENCY, false));
      Instant duplicateDecided = instant(row, "duplicate_decided_at");
      if (duplicateDecided != null) {
        entries.add(DatedEntry.forHub(duplicateDecided, "concern", "LINK".equals(row.getString("duplicate_decision"))
                ? "Possible duplicate: the concern was linked to the person's other case"
                : "Possible duplicate: the cases were kept apart",
            row.getString("duplicate_reason"), row.getString("duplicate_decided_by")));
      }
      Instant restricted = instant(row, "restricted_at");
      if (restricted != null) {
        entries.add(new DatedEntry(restricted, "data-protection",
            "Processing restricted by a Caldicott guardian: nothing more is shared with partners",
            grounds(row.getString("restriction_decision_id")), null, null, null, EVERY_AGENCY, false));
      }
      Instant closed = instant(row, "closed_at");
      if (closed != null && closureRecords(caseId) == 0) {
        entries.add(new DatedEntry(closed, "closure", "Case closed: " + CodeWords.of(row.getString("closure_outcome")),
            null, null, null, null, EVERY_AGENCY, false));
      }
    });
    return entries;
  }

  private long closureRecords(String caseId) {
    return jdbc.sql("select count(*) from case_closure where case_id = :id").param("id", caseId).query(Long.class)
        .single();
  }

  private String grounds(String decisionId) {
    return decisionId == null ? null : jdbc.sql("select grounds from data_protection_decision where id = :id")
        .param("id", decisionId).query(String.class).optional().map(grounds -> "Grounds: " + grounds).orElse(null);
  }

  private List<DatedEntry> concerns(String caseId) {
    return jdbc.sql("select * from pathway_concern where case_id = :id").param("id", caseId).query((row, n) -> {
      String agency = row.getString("referrer_agency");
      String hubDetail = CodeWords.categories(row.getString("categories")) + ". " + row.getString("description")
          + (row.getBoolean("immediate_risk") ? " Immediate risk: yes." : "")
          + (row.getBoolean("joined_existing_case") ? " Added to this open case of the same person." : "");
      return new DatedEntry(instant(row, "raised_at"), "concern",
          "Concern raised by " + CodeWords.agency(agency), hubDetail, null, agency,
          row.getString("referrer_name"), EVERY_AGENCY, false);
    }).list();
  }

  private List<DatedEntry> triage(String caseId) {
    return jdbc.sql("select * from triage_decision where case_id = :id").param("id", caseId).query((row, n) -> {
      boolean overridden = row.getBoolean("overridden");
      String decided = "Risk " + TriageWords.riskRating(row.getString("risk_rating")) + ", urgency "
          + TriageWords.urgency(row.getString("urgency")).toLowerCase() + ", meeting "
          + TriageWords.meetingWithin(row.getString("meeting_timescale"))
          + (row.getDate("meeting_due_date") == null ? "" : " (by " + UkDates.day(
              row.getObject("meeting_due_date", LocalDate.class)) + ")");
      String hubDetail = overridden
          ? decided + ". The rules proposed " + TriageWords.riskRating(row.getString("proposed_risk_rating"))
              + ", " + TriageWords.urgency(row.getString("proposed_urgency")).toLowerCase() + ", "
              + TriageWords.meetingWithin(row.getString("proposed_timescale")) + ". Reason: "
              + row.getString("override_reason")
          : decided + ", as the triage rules proposed.";
      return new DatedEntry(instant(row, "decided_at"), "triage",
          overridden ? "Triage overridden" : "Triage confirmed", hubDetail, decided + ".", null,
          row.getString("decided_by"), EVERY_AGENCY, true);
    }).list();
  }

  private List<DatedEntry> sharing(String caseId) {
    return jdbc.sql("select * from sharing_decision where case_id = :id").param("id", caseId).query((row, n) -> {
      boolean consent = "CONSENT".equals(row.getString("basis"));
      String status = row.getString("consent_status");
      String what = consent ? "Consent " + CodeWords.of(status)
          : status == null ? "Lawful basis to share without consent decided"
          : "Consent " + CodeWords.of(status) + "; lawful basis to share without it decided";
      List<String> detail = new ArrayList<>();
      if (row.getString("consent_given_by") != null) {
        detail.add("Given by " + row.getString("consent_given_by") + ".");
      }
      if (row.getString("legal_ground") != null) {
        detail.add("Lawful basis: " + row.getString("legal_ground") + ".");
      }
      if (row.getString("scope") != null) {
        detail.add("What may be shared: " + CodeWords.of(row.getString("scope")) + ".");
      }
      if (row.getString("agencies") != null) {
        detail.add("With: " + CodeWords.agencies(split(row.getString("agencies"))) + ".");
      }
      if (row.getString("purposes") != null) {
        detail.add("For: " + String.join("; ", split(row.getString("purposes")).stream()
            .map(code -> SharingPurpose.valueOf(code).words()).toList()) + ".");
      }
      if (row.getTimestamp("valid_until") != null) {
        detail.add("Until " + UkDates.day(row.getTimestamp("valid_until").toLocalDateTime().toLocalDate()) + ".");
      }
      if (row.getString("reason") != null) {
        detail.add("Reason: " + row.getString("reason"));
      }
      return DatedEntry.forHub(instant(row, "decided_at"), "sharing", what, String.join(" ", detail),
          row.getString("decided_by"));
    }).list();
  }

  private List<DatedEntry> withdrawals(String caseId) {
    return jdbc.sql("select * from consent_withdrawal where case_id = :id").param("id", caseId).query((row, n) ->
        DatedEntry.forHub(instant(row, "recorded_at"), "sharing", "Consent withdrawn by "
            + row.getString("withdrawn_by"), "Requests still waiting for a reply ended: "
            + row.getInt("requests_ended") + "." + (row.getString("notes") == null ? "" : " " + row.getString("notes")),
            row.getString("recorded_by"))).list();
  }

  private List<DatedEntry> meetings(String caseId) {
    List<DatedEntry> entries = new ArrayList<>();
    jdbc.sql("select * from pathway_meeting where case_id = :id").param("id", caseId).query(row -> {
      String meetingId = row.getString("id");
      String when = UkDates.dayAndTime(instant(row, "scheduled_for"), zone);
      String round = row.getInt("round") > 1 ? " (round " + row.getInt("round") + ")" : "";
      String detail = "On " + when + " at " + row.getString("place") + "."
          + ("RESCHEDULED".equals(row.getString("status")) ? " Rescheduled: " + row.getString("reschedule_reason")
              : "");
      entries.add(new DatedEntry(instant(row, "created_at"), "meeting", "Multi-agency meeting scheduled" + round,
          detail, detail, null, row.getString("scheduled_by"), EVERY_AGENCY, false));
      entries.addAll(attendance(meetingId));
    });
    entries.addAll(jdbc.sql("select * from meeting_decision where case_id = :id").param("id", caseId)
        .query((row, n) -> new DatedEntry(instant(row, "recorded_at"), "meeting",
            row.getBoolean("no_actions_needed") ? "Meeting decisions recorded: no actions needed"
                : "Meeting decisions and action plan recorded", row.getString("decisions"), null, null,
            row.getString("recorded_by"), EVERY_AGENCY, false)).list());
    return entries;
  }

  private List<DatedEntry> attendance(String meetingId) {
    List<String> attended = new ArrayList<>();
    List<String> absent = new ArrayList<>();
    Instant[] recorded = {null};
    String[] by = {null};
    jdbc.sql("select * from meeting_attendance where meeting_id = :id").param("id", meetingId).query(row -> {
      (row.getBoolean("attended") ? attended : absent).add(row.getString("agency"));
      recorded[0] = instant(row, "recorded_at");
      by[0] = row.getString("recorded_by");
    });
    if (recorded[0] == null) {
      return List.of();
    }
    String detail = (attended.isEmpty() ? "No agency attended." : "Attended: " + CodeWords.agencies(attended) + ".")
        + (absent.isEmpty() ? "" : " Did not attend: " + CodeWords.agencies(absent) + ".");
    return List.of(new DatedEntry(recorded[0], "meeting", "Meeting held: attendance recorded", detail, detail, null,
        by[0], EVERY_AGENCY, false));
  }

  private List<DatedEntry> reviews(String caseId) {
    List<DatedEntry> entries = new ArrayList<>(jdbc.sql("select * from case_review where case_id = :id")
        .param("id", caseId).query((row, n) -> new DatedEntry(instant(row, "reviewed_at"), "review",
            "Case reviewed: " + CodeWords.of(row.getString("outcome")), row.getString("notes"), null, null,
            row.getString("reviewed_by"), EVERY_AGENCY, false)).list());
    entries.addAll(jdbc.sql("select * from case_closure where case_id = :id").param("id", caseId)
        .query((row, n) -> new DatedEntry(instant(row, "closed_at"), "closure",
            "Case closed: " + CodeWords.of(row.getString("outcome")), row.getString("notes"), null, null,
            row.getString("closed_by"), EVERY_AGENCY, false)).list());
    return entries;
  }

  static Instant instant(ResultSet row, String column) throws SQLException {
    Timestamp timestamp = row.getTimestamp(column);
    return timestamp == null ? null : timestamp.toInstant();
  }

  static Set<String> split(String column) {
    return Set.copyOf(Arrays.stream(column.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList());
  }
}

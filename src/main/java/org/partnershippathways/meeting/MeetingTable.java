package org.partnershippathways.meeting;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tables {@code pathway_meeting}, {@code meeting_attendance} and {@code meeting_decision}. */
@Repository
class MeetingTable {

  static final String SCHEDULED = "SCHEDULED";
  static final String HELD = "HELD";
  static final String RESCHEDULED = "RESCHEDULED";

  record Meeting(String id, String caseId, int round, String status, String processInstanceId) {
  }

  private final JdbcClient jdbc;

  MeetingTable(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  String schedule(String caseId, int round, Instant scheduledFor, String place, String processInstanceId,
      String scheduledBy, Instant now, LocalDate dueDate, String lateReason) {
    String id = UUID.randomUUID().toString();
    jdbc.sql("insert into pathway_meeting (id, case_id, round, scheduled_for, place, status, process_instance_id,"
            + " scheduled_by, created_at, due_date, late_reason) values (:id, :caseId, :round, :when, :place,"
            + " 'SCHEDULED', :pi, :by, :now, :due, :late)")
        .param("id", id).param("caseId", caseId).param("round", round).param("when", Timestamp.from(scheduledFor))
        .param("place", place).param("pi", processInstanceId).param("by", scheduledBy)
        .param("now", Timestamp.from(now)).param("due", dueDate).param("late", lateReason)
        .update();
    return id;
  }

  Optional<Meeting> find(String id) {
    return jdbc.sql("select id, case_id, round, status, process_instance_id from pathway_meeting where id = :id")
        .param("id", id)
        .query((rs, row) -> new Meeting(rs.getString("id"), rs.getString("case_id"), rs.getInt("round"),
            rs.getString("status"), rs.getString("process_instance_id")))
        .optional();
  }

  void markRescheduled(String id, String reason) {
    jdbc.sql("update pathway_meeting set status = 'RESCHEDULED', reschedule_reason = :reason where id = :id")
        .param("reason", reason).param("id", id).update();
  }

  void markHeld(String id) {
    jdbc.sql("update pathway_meeting set status = 'HELD' where id = :id").param("id", id).update();
  }

  /** Replaces the attendance of the meeting (recording it again corrects it). */
  void recordAttendance(String meetingId, Map<String, Boolean> attendedByAgency, String recordedBy, Instant now) {
    jdbc.sql("delete from meeting_attendance where meeting_id = :id").param("id", meetingId).update();
    attendedByAgency.forEach((agency, attended) -> jdbc.sql("insert into meeting_attendance (id, meeting_id, agency,"
            + " attended, recorded_by, recorded_at) values (:id, :meeting, :agency, :attended, :by, :now)")
        .param("id", UUID.randomUUID().toString()).param("meeting", meetingId).param("agency", agency)
        .param("attended", attended).param("by", recordedBy).param("now", Timestamp.from(now))
        .update());
  }

  void recordDecision(String meetingId, String caseId, String decisions, boolean noActionsNeeded, String recordedBy,
      Instant now) {
    jdbc.sql("insert into meeting_decision (id, meeting_id, case_id, decisions, no_actions_needed, recorded_by,"
            + " recorded_at) values (:id, :meeting, :caseId, :decisions, :none, :by, :now)")
        .param("id", UUID.randomUUID().toString()).param("meeting", meetingId).param("caseId", caseId)
        .param("decisions", decisions).param("none", noActionsNeeded).param("by", recordedBy)
        .param("now", Timestamp.from(now))
        .update();
  }
}

package org.partnershippathways.actions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes {@code pathway_action} and its history tables ({@code action_change}, {@code action_event}). */
@Repository
class ActionTable {

  private static final String COLUMNS = "id, case_id, meeting_id, description, owning_agency, priority, due_date,"
      + " status, outcome_reason, escalation_level, process_instance_id, created_at, closed_at, closed_by";

  private final JdbcClient jdbc;

  ActionTable(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  String insert(String caseId, String meetingId, NewAction action, String createdBy, Instant now) {
    String id = UUID.randomUUID().toString();
    jdbc.sql("insert into pathway_action (id, case_id, meeting_id, description, owning_agency, priority, due_date,"
            + " status, escalation_level, created_at, created_by)"
            + " values (:id, :caseId, :meetingId, :description, :agency, :priority, :dueDate, 'OPEN', 0, :now, :by)")
        .param("id", id).param("caseId", caseId).param("meetingId", meetingId)
        .param("description", action.description()).param("agency", action.owningAgency())
        .param("priority", action.priority()).param("dueDate", action.dueDate())
        .param("now", Timestamp.from(now)).param("by", createdBy)
        .update();
    return id;
  }

  Optional<ActionRecord> find(String id) {
    return jdbc.sql("select " + COLUMNS + " from pathway_action where id = :id").param("id", id)
        .query((rs, row) -> new ActionRecord(rs.getString("id"), rs.getString("case_id"), rs.getString("meeting_id"),
            rs.getString("description"), rs.getString("owning_agency"), rs.getString("priority"),
            rs.getObject("due_date", LocalDate.class), rs.getString("status"), rs.getInt("escalation_level"),
            rs.getString("process_instance_id")))
        .optional();
  }

  /** Actions matching every given filter (null = any); overdue = still open and due before today. */
  List<ActionView> search(String caseId, List<String> partnerships, List<String> agencies, String status,
      boolean overdueOnly, LocalDate today) {
    if (partnerships.isEmpty()) {
      return List.of();
    }
    StringBuilder sql = new StringBuilder("select " + COLUMNS + " from pathway_action where case_id in"
        + " (select id from pathway_case where partnership_id in (:partnerships))");
    Map<String, Object> params = new HashMap<>();
    params.put("partnerships", partnerships);
    if (caseId != null) {
      sql.append(" and case_id = :caseId");
      params.put("caseId", caseId);
    }
    if (agencies != null) {
      if (agencies.isEmpty()) {
        return List.of();
      }
      sql.append(" and owning_agency in (:agencies)");
      params.put("agencies", agencies);
    }
    if (status != null) {
      sql.append(" and status = :status");
      params.put("status", status);
    }
    if (overdueOnly) {
      sql.append(" and status = 'OPEN' and due_date < :today");
      params.put("today", today);
    }
    sql.append(" order by due_date, created_at, id");
    return jdbc.sql(sql.toString()).params(params).query((rs, row) -> view(rs, today)).list();
  }

  Optional<ActionView> findView(String id, LocalDate today) {
    return jdbc.sql("select " + COLUMNS + " from pathway_action where id = :id").param("id", id)
        .query((rs, row) -> view(rs, today)).optional();
  }

  private static ActionView view(ResultSet rs, LocalDate today) throws SQLException {
    LocalDate due = rs.getObject("due_date", LocalDate.class);
    String status = rs.getString("status");
    Timestamp closedAt = rs.getTimestamp("closed_at");
    return new ActionView(rs.getString("id"), rs.getString("case_id"), rs.getString("meeting_id"),
        rs.getString("description"), rs.getString("owning_agency"), rs.getString("priority"), due, status,
        rs.getString("outcome_reason"), rs.getInt("escalation_level"),
        ActionStatus.OPEN.name().equals(status) && due.isBefore(today),
        rs.getTimestamp("created_at").toInstant(), closedAt == null ? null : closedAt.toInstant(),
        rs.getString("closed_by"));
  }

  void linkProcessInstance(String id, String processInstanceId) {
    jdbc.sql("update pathway_action set process_instance_id = :pi where id = :id")
        .param("pi", processInstanceId).param("id", id).update();
  }

  void reassign(String id, String agency) {
    jdbc.sql("update pathway_action set owning_agency = :agency, escalation_level = 0 where id = :id")
        .param("agency", agency).param("id", id).update();
  }

  void moveDueDate(String id, LocalDate dueDate) {
    jdbc.sql("update pathway_action set due_date = :due, escalation_level = 0 where id = :id")
        .param("due", dueDate).param("id", id).update();
  }

  /** Raises the escalation level, never lowers it (a late reminder must not undo an escalation). */
  void escalate(String id, int level) {
    jdbc.sql("update pathway_action set escalation_level = :level where id = :id and escalation_level < :level")
        .param("level", level).param("id", id).update();
  }

  boolean close(String id, ActionStatus status, String reason, String closedBy, Instant now) {
    return jdbc.sql("update pathway_action set status = :status, outcome_reason = :reason, closed_at = :now,"
            + " closed_by = :by where id = :id and status = 'OPEN'")
        .param("status", status.name()).param("reason", reason).param("now", Timestamp.from(now))
        .param("by", closedBy).param("id", id)
        .update() == 1;
  }

  void recordChange(String actionId, String type, String oldValue, String newValue, String reason, String by,
      Instant now) {
    jdbc.sql("insert into action_change (id, action_id, change_type, old_value, new_value, reason, changed_by,"
            + " changed_at) values (:id, :action, :type, :old, :new, :reason, :by, :now)")
        .param("id", UUID.randomUUID().toString()).param("action", actionId).param("type", type)
        .param("old", oldValue).param("new", newValue).param("reason", reason).param("by", by)
        .param("now", Timestamp.from(now))
        .update();
  }

  void recordEvent(String actionId, String type, String notifiedGroup, Instant now) {
    jdbc.sql("insert into action_event (id, action_id, event_type, notified_group, occurred_at)"
            + " values (:id, :action, :type, :group, :now)")
        .param("id", UUID.randomUUID().toString()).param("action", actionId).param("type", type)
        .param("group", notifiedGroup).param("now", Timestamp.from(now))
        .update();
  }
}

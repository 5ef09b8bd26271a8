package org.partnershippathways.triage;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code triage_decision}: every confirmed triage, with the proposal it confirmed or overrode. */
@Repository
public class TriageTable {

  /** One confirmed triage. */
  public record TriageDecision(String caseId, String proposedRiskRating, String proposedUrgency,
      String proposedTimescale, String riskRating, String urgency, String meetingTimescale, LocalDate meetingDueDate,
      boolean overridden, String overrideReason, String decidedBy) {
  }

  private final JdbcClient jdbc;

  public TriageTable(DataSource dataSource) {
    this.jdbc = JdbcClient.create(dataSource);
  }

  public void insert(TriageDecision decision, Instant now) {
    jdbc.sql("""
        insert into triage_decision (id, case_id, proposed_risk_rating, proposed_urgency, proposed_timescale,
          risk_rating, urgency, meeting_timescale, meeting_due_date, overridden, override_reason, decided_by, decided_at)
        values (:id, :caseId, :proposedRisk, :proposedUrgency, :proposedTimescale, :risk, :urgency, :timescale,
          :dueDate, :overridden, :reason, :decidedBy, :now)""")
        .param("id", UUID.randomUUID().toString()).param("caseId", decision.caseId())
        .param("proposedRisk", decision.proposedRiskRating()).param("proposedUrgency", decision.proposedUrgency())
        .param("proposedTimescale", decision.proposedTimescale())
        .param("risk", decision.riskRating()).param("urgency", decision.urgency())
        .param("timescale", decision.meetingTimescale()).param("dueDate", decision.meetingDueDate())
        .param("overridden", decision.overridden()).param("reason", decision.overrideReason())
        .param("decidedBy", decision.decidedBy()).param("now", Timestamp.from(now))
        .update();
  }
}

package org.partnershippathways.review;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tables {@code case_review} and {@code case_closure}. */
@Repository
public class ReviewTable {

  private final JdbcClient jdbc;

  public ReviewTable(DataSource dataSource) {
    this.jdbc = JdbcClient.create(dataSource);
  }

  public void insertReview(String caseId, int meetingRound, String outcome, String notes, String reviewedBy,
      Instant now) {
    jdbc.sql("""
        insert into case_review (id, case_id, meeting_round, outcome, notes, reviewed_by, reviewed_at)
        values (:id, :caseId, :round, :outcome, :notes, :by, :now)""")
        .param("id", UUID.randomUUID().toString()).param("caseId", caseId).param("round", meetingRound)
        .param("outcome", outcome).param("notes", notes).param("by", reviewedBy).param("now", Timestamp.from(now))
        .update();
  }

  public void insertClosure(String caseId, ClosureOutcome outcome, String notes, String closedBy, Instant now) {
    jdbc.sql("""
        insert into case_closure (id, case_id, outcome, notes, closed_by, closed_at)
        values (:id, :caseId, :outcome, :notes, :by, :now)""")
        .param("id", UUID.randomUUID().toString()).param("caseId", caseId).param("outcome", outcome.name())
        .param("notes", notes).param("by", closedBy).param("now", Timestamp.from(now))
        .update();
  }
}

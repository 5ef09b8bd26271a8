package org.partnershippathways.dataprotection;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code data_protection_decision}: restrictions, and erasures with their tombstones. */
@Repository
class DecisionTable {

  /** One decision: on which case, which kind, why, what was done, who and when. */
  record Decision(String id, String caseId, String caseReference, String kind, String grounds, String whatWasDone,
      String decidedBy, Instant decidedAt) {
  }

  private final JdbcClient jdbc;

  DecisionTable(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A decision of the case's partnership, which keeps it after the case is erased. */
  Decision insert(String caseId, String partnershipId, String caseReference, String kind, String grounds,
      String whatWasDone, String decidedBy, Instant at) {
    Decision decision = new Decision(UUID.randomUUID().toString(), caseId, caseReference, kind, grounds,
        whatWasDone, decidedBy, at);
    jdbc.sql("""
            insert into data_protection_decision (id, case_id, case_reference, kind, grounds, what_was_done,
              decided_by, decided_at, partnership_id)
            values (:id, :caseId, :reference, :kind, :grounds, :done, :by, :at, :partnership)""")
        .param("id", decision.id()).param("caseId", caseId).param("reference", caseReference)
        .param("partnership", partnershipId)
        .param("kind", kind).param("grounds", grounds).param("done", whatWasDone)
        .param("by", decidedBy).param("at", Timestamp.from(at))
        .update();
    return decision;
  }

  /** The partnerships' latest decisions first, at most {@code limit}. */
  List<Decision> latest(List<String> partnerships, int limit) {
    return jdbc.sql("select * from data_protection_decision where partnership_id in (:partnerships)"
            + " order by decided_at desc, id limit :limit")
        .param("partnerships", partnerships.isEmpty() ? List.of("") : partnerships).param("limit", limit)
        .query((rs, row) -> new Decision(rs.getString("id"), rs.getString("case_id"),
            rs.getString("case_reference"), rs.getString("kind"), rs.getString("grounds"),
            rs.getString("what_was_done"), rs.getString("decided_by"), rs.getTimestamp("decided_at").toInstant()))
        .list();
  }
}

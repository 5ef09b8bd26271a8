package org.partnershippathways.dataprotection;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code subject_access_audit}: every export and every reading of one, by whom and when. */
@Repository
class SubjectAccessAuditTable {

  /** The export as first recorded: its reference and the cases it found. */
  record RecordedExport(String exportId, String requestReference, List<String> caseIds) {
  }

  private final JdbcClient jdbc;

  SubjectAccessAuditTable(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Records an action on an export; for a new export ({@code exportId} null) the row's id becomes the export's. */
  String record(String exportId, String requestReference, String action, List<String> caseIds, String actedBy,
      Instant at) {
    String id = UUID.randomUUID().toString();
    jdbc.sql("""
            insert into subject_access_audit (id, export_id, request_reference, action, case_ids, cases_found,
              acted_by, acted_at)
            values (:id, :exportId, :reference, :action, :caseIds, :found, :by, :at)""")
        .param("id", id)
        .param("exportId", exportId == null ? id : exportId)
        .param("reference", requestReference)
        .param("action", action)
        .param("caseIds", String.join(",", caseIds))
        .param("found", caseIds.size())
        .param("by", actedBy)
        .param("at", Timestamp.from(at))
        .update();
    return exportId == null ? id : exportId;
  }

  Optional<RecordedExport> export(String exportId) {
    return jdbc.sql("""
            select export_id, request_reference, case_ids from subject_access_audit
            where id = :id and action = 'EXPORTED'""")
        .param("id", exportId)
        .query((rs, row) -> new RecordedExport(rs.getString("export_id"), rs.getString("request_reference"),
            Arrays.stream(rs.getString("case_ids").split(",")).filter(id -> !id.isBlank()).toList()))
        .optional();
  }
}

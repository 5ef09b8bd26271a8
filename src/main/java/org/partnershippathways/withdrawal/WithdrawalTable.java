package org.partnershippathways.withdrawal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tables {@code consent_withdrawal} and {@code consent_withdrawal_notice} (db/changelog/150-consent-withdrawal.xml). */
@Repository
class WithdrawalTable {

  static final String TO_TELL = "TO_TELL";
  static final String ACKNOWLEDGED = "ACKNOWLEDGED";
  static final String TOLD_ANOTHER_WAY = "TOLD_ANOTHER_WAY";

  record Notice(String agency, String status, String partnerReference, Instant acknowledgedAt, String note) {
  }

  record Withdrawal(String id, String caseId, String withdrawnBy, String notes, String sharingDecisionId,
      int requestsEnded, String recordedBy, Instant recordedAt, List<Notice> notices) {
  }

  private final JdbcClient jdbc;

  WithdrawalTable(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The case of the reference in the partnership: another partnership's reference names no case here. */
  Optional<String> caseIdOfReference(String reference, String partnershipId) {
    return jdbc.sql("select id from pathway_case where reference = :reference and partnership_id = :partnership")
        .param("reference", reference).param("partnership", partnershipId).query(String.class).optional();
  }

  Optional<String> referenceOfCase(String caseId) {
    return jdbc.sql("select reference from pathway_case where id = :id").param("id", caseId)
        .query(String.class).optional();
  }

  String insert(String caseId, String withdrawnBy, String notes, String decisionId, int requestsEnded,
      String recordedBy, Instant at, List<String> agencies) {
    String id = UUID.randomUUID().toString();
    jdbc.sql("insert into consent_withdrawal (id, case_id, withdrawn_by, notes, sharing_decision_id, requests_ended, "
            + "recorded_by, recorded_at) values (:id, :caseId, :by, :notes, :decision, :ended, :recordedBy, :at)")
        .param("id", id).param("caseId", caseId).param("by", withdrawnBy).param("notes", notes)
        .param("decision", decisionId).param("ended", requestsEnded).param("recordedBy", recordedBy)
        .param("at", Timestamp.from(at))
        .update();
    for (String agency : agencies) {
      jdbc.sql("insert into consent_withdrawal_notice (withdrawal_id, agency, status) values (:id, :agency, :status)")
          .param("id", id).param("agency", agency).param("status", TO_TELL).update();
    }
    return id;
  }

  void told(String withdrawalId, String agency, String status, String partnerReference, String note, Instant at) {
    jdbc.sql("update consent_withdrawal_notice set status = :status, partner_reference = :reference, "
            + "acknowledged_at = :at, note = :note where withdrawal_id = :id and agency = :agency")
        .param("status", status).param("reference", partnerReference).param("at", Timestamp.from(at))
        .param("note", note).param("id", withdrawalId).param("agency", agency)
        .update();
  }

  List<Withdrawal> ofCase(String caseId) {
    return jdbc.sql("select * from consent_withdrawal where case_id = :caseId order by recorded_at")
        .param("caseId", caseId)
        .query((row, n) -> new Withdrawal(row.getString("id"), row.getString("case_id"),
            row.getString("withdrawn_by"), row.getString("notes"), row.getString("sharing_decision_id"),
            row.getInt("requests_ended"), row.getString("recorded_by"), row.getTimestamp("recorded_at").toInstant(),
            notices(row.getString("id"))))
        .list();
  }

  private List<Notice> notices(String withdrawalId) {
    return jdbc.sql("select * from consent_withdrawal_notice where withdrawal_id = :id order by agency")
        .param("id", withdrawalId)
        .query((row, n) -> {
          Timestamp at = row.getTimestamp("acknowledged_at");
          return new Notice(row.getString("agency"), row.getString("status"), row.getString("partner_reference"),
              at == null ? null : at.toInstant(), row.getString("note"));
        })
        .list();
  }
}

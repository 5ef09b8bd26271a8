package org.partnershippathways.partners;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code partner_request}: one row per idempotency key, updated with each attempt's outcome. */
@Repository
class PartnerRequestTable {

  public record StoredRequest(String id, String idempotencyKey, PartnerRequestStatus status, String partnerReference,
      Instant acceptedAt, int attempts) {
  }

  private final JdbcClient jdbc;

  public PartnerRequestTable(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<StoredRequest> byKey(String idempotencyKey) {
    return jdbc.sql("""
            select id, idempotency_key, status, partner_reference, accepted_at, attempts
            from partner_request where idempotency_key = :key""")
        .param("key", idempotencyKey)
        .query((rs, row) -> new StoredRequest(rs.getString("id"), rs.getString("idempotency_key"),
            PartnerRequestStatus.valueOf(rs.getString("status")), rs.getString("partner_reference"),
            rs.getTimestamp("accepted_at") == null ? null : rs.getTimestamp("accepted_at").toInstant(),
            rs.getInt("attempts")))
        .optional();
  }

  /**
   * Records an attempt (a new row, or one more attempt on the key's row) and returns the row id. When another node
   * inserted the key at the same moment this throws {@link DuplicateKeyException}: call again in a new transaction
   * (on PostgreSQL the failed insert has spoilt this one).
   */
  public String recordAttempt(PartnerRequest request, String requestedBy, Instant now) {
    Optional<StoredRequest> existing = byKey(request.idempotencyKey());
    if (existing.isPresent()) {
      jdbc.sql("""
              update partner_request set status = 'SENT', attempts = attempts + 1, updated_at = :now
              where idempotency_key = :key""")
          .param("key", request.idempotencyKey())
          .param("now", Timestamp.from(now))
          .update();
      return existing.get().id();
    }
    String id = UUID.randomUUID().toString();
    jdbc.sql("""
            insert into partner_request (id, idempotency_key, case_id, step, agency, request_type, purpose,
              requested_by, status, attempts, created_at, updated_at)
            values (:id, :key, :caseId, :step, :agency, :type, :purpose, :requestedBy, 'SENT', 1, :now, :now)""")
        .param("id", id)
        .param("key", request.idempotencyKey())
        .param("caseId", request.caseId())
        .param("step", request.step())
        .param("agency", request.agency().groupId())
        .param("type", request.type().name())
        .param("purpose", request.purpose())
        .param("requestedBy", requestedBy)
        .param("now", Timestamp.from(now))
        .update();
    return id;
  }

  public void accepted(String idempotencyKey, PartnerReceipt receipt, Instant now) {
    jdbc.sql("""
            update partner_request set status = 'ACCEPTED', partner_reference = :reference, accepted_at = :acceptedAt,
              acknowledged_digest = :acknowledgedDigest, last_error = null, updated_at = :now
            where idempotency_key = :key""")
        .param("key", idempotencyKey)
        .param("reference", receipt.partnerReference())
        .param("acknowledgedDigest", receipt.acknowledgedDigest())
        .param("acceptedAt", Timestamp.from(receipt.acceptedAt() == null ? now : receipt.acceptedAt()))
        .param("now", Timestamp.from(now))
        .update();
  }

  public void failed(String idempotencyKey, PartnerRequestStatus status, String error, Instant now) {
    jdbc.sql("update partner_request set status = :status, last_error = :error, updated_at = :now"
            + " where idempotency_key = :key")
        .param("key", idempotencyKey)
        .param("status", status.name())
        .param("error", error == null ? null : error.substring(0, Math.min(error.length(), 2000)))
        .param("now", Timestamp.from(now))
        .update();
  }
}

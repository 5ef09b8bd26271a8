package org.partnershippathways.partners;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.partnershippathways.consent.SharingPermission;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Table {@code disclosure_audit}: append-only. This class inserts and reads; it has no update or delete, and on
 * PostgreSQL a trigger rejects both (db/changelog/050-partners.xml).
 */
@Repository
class DisclosureAuditTable {

  /** One disclosure: who sent which fields about which case to which agency, under which basis, why and when. */
  public record Disclosure(String id, String caseId, String partnerRequestId, String idempotencyKey, String agency,
      String requestType, List<String> fieldsDisclosed, String basis, String sharingDecisionId, String legalGround,
      String sharingScope, String purpose, String disclosedBy, Instant disclosedAt, String requestStatus,
      String partnerReference) {
  }

  private static final String SELECT = """
      select d.*, r.status as request_status, r.partner_reference
      from disclosure_audit d left join partner_request r on r.id = d.partner_request_id
      """;

  private final JdbcClient jdbc;

  public DisclosureAuditTable(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void record(String partnerRequestId, OutboundRequest outbound, String disclosedBy, Instant when) {
    PartnerRequest request = outbound.request();
    SharingPermission permission = outbound.permission();
    jdbc.sql("""
            insert into disclosure_audit (id, case_id, partner_request_id, idempotency_key, agency, request_type,
              fields_disclosed, basis, sharing_decision_id, legal_ground, sharing_scope, purpose, disclosed_by,
              disclosed_at)
            values (:id, :caseId, :requestId, :key, :agency, :type, :fields, :basis, :decisionId, :legalGround,
              :scope, :purpose, :by, :at)""")
        .param("id", UUID.randomUUID().toString())
        .param("caseId", request.caseId())
        .param("requestId", partnerRequestId)
        .param("key", request.idempotencyKey())
        .param("agency", request.agency().groupId())
        .param("type", request.type().name())
        .param("fields", outbound.dataset().fields().stream().sorted().map(Enum::name)
            .collect(Collectors.joining(",")))
        .param("basis", permission == null ? "NONE" : permission.basis().name())
        .param("decisionId", permission == null ? null : permission.decisionId())
        .param("legalGround", permission == null ? null : permission.legalGround())
        .param("scope", permission == null || permission.scope() == null ? null : permission.scope().name())
        .param("purpose", request.purpose())
        .param("by", disclosedBy)
        .param("at", Timestamp.from(when))
        .update();
  }

  public List<Disclosure> forCase(String caseId) {
    return jdbc.sql(SELECT + " where d.case_id = :caseId order by d.disclosed_at, d.id")
        .param("caseId", caseId)
        .query(DisclosureAuditTable::disclosure)
        .list();
  }

  /** Disclosures in [from, to), optionally to one agency only; at most {@code limit}, newest first. */
  public List<Disclosure> between(String agency, Instant from, Instant to, int limit) {
    return jdbc.sql(SELECT + """
             where d.disclosed_at >= :from and d.disclosed_at < :to
               and (cast(:agency as varchar(32)) is null or d.agency = :agency)
             order by d.disclosed_at desc, d.id
             limit :limit
            """)
        .param("agency", agency)
        .param("from", Timestamp.from(from))
        .param("to", Timestamp.from(to))
        .param("limit", limit)
        .query(DisclosureAuditTable::disclosure)
        .list();
  }

  private static Disclosure disclosure(ResultSet rs, int row) throws SQLException {
    return new Disclosure(rs.getString("id"), rs.getString("case_id"), rs.getString("partner_request_id"),
        rs.getString("idempotency_key"), rs.getString("agency"), rs.getString("request_type"),
        Arrays.stream(rs.getString("fields_disclosed").split(",")).filter(f -> !f.isBlank()).toList(),
        rs.getString("basis"), rs.getString("sharing_decision_id"), rs.getString("legal_ground"),
        rs.getString("sharing_scope"), rs.getString("purpose"), rs.getString("disclosed_by"),
        rs.getTimestamp("disclosed_at").toInstant(), rs.getString("request_status"),
        rs.getString("partner_reference"));
  }
}

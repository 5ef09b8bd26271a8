package org.partnershippathways.partners;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.partnershippathways.cases.CasesOfPartnerships;
import org.partnershippathways.consent.SharingPermission;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Table {@code disclosure_audit}, the disclosure ledger, and its head row {@code disclosure_ledger_head}: append-only.
 * This class inserts and reads; it has no update or delete of the ledger, and a trigger rejects both on PostgreSQL and
 * on H2 (db/changelog/050-partners.xml, 300-disclosure-ledger.xml). Only {@link LedgerRetention} deletes, as the
 * retention account.
 */
@Repository
class DisclosureAuditTable {

  /** One disclosure: who sent which fields about which case to which agency, under which basis, why and when. */
  public record Disclosure(String id, String caseId, String partnerRequestId, String idempotencyKey, String agency,
      String requestType, List<String> fieldsDisclosed, String basis, String sharingDecisionId, String legalGround,
      String sharingScope, String purpose, String disclosedBy, Instant disclosedAt, String requestStatus,
      String partnerReference, Long chainPosition, String payloadDigest, String acknowledgedDigest) {
  }

  private static final String SELECT = """
      select d.id, d.case_id, d.partner_request_id, d.idempotency_key, d.agency, d.request_type, d.fields_disclosed,
        d.basis, d.sharing_decision_id, coalesce(d.legal_ground, s.legal_ground, s.consent_given_by) as legal_ground,
        d.sharing_scope, d.purpose, d.disclosed_by, d.disclosed_at, d.chain_position, d.payload_digest,
        r.status as request_status, r.partner_reference, r.acknowledged_digest
      from disclosure_audit d left join partner_request r on r.id = d.partner_request_id
        left join sharing_decision s on s.id = d.sharing_decision_id
      """;

  static final String HEAD = "ledger";

  private final JdbcClient jdbc;

  public DisclosureAuditTable(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Appends the disclosure to the ledger: locks the head row (another node appending waits for this transaction),
   * takes the next position and the last row's digest, inserts the row with its own digest and moves the head.
   */
  public LedgerEntry record(String partnerRequestId, OutboundRequest outbound, String payloadDigest,
      String disclosedBy, Instant when) {
    PartnerRequest request = outbound.request();
    SharingPermission permission = outbound.permission();
    Head head = lockHead();
    LedgerEntry entry = new LedgerEntry(UUID.randomUUID().toString(), head.lastPosition() + 1, request.caseId(),
        partnerRequestId, request.idempotencyKey(), request.agency().groupId(), request.type().name(),
        outbound.dataset().fields().stream().sorted().map(Enum::name).collect(Collectors.joining(",")),
        permission == null ? "NONE" : permission.basis().name(),
        permission == null ? null : permission.decisionId(),
        // free text that may name someone (who gave consent) stays in the sharing decision, which erasure removes
        null,
        permission == null || permission.scope() == null ? null : permission.scope().name(),
        request.purpose(), disclosedBy, when.truncatedTo(ChronoUnit.MILLIS), payloadDigest, head.lastDigest());
    String rowDigest = entry.digest();
    jdbc.sql("""
            insert into disclosure_audit (id, case_id, partner_request_id, idempotency_key, agency, request_type,
              fields_disclosed, basis, sharing_decision_id, legal_ground, sharing_scope, purpose, disclosed_by,
              disclosed_at, chain_position, payload_digest, previous_digest, row_digest)
            values (:id, :caseId, :requestId, :key, :agency, :type, :fields, :basis, :decisionId, :legalGround,
              :scope, :purpose, :by, :at, :position, :payloadDigest, :previousDigest, :rowDigest)""")
        .param("id", entry.id())
        .param("caseId", entry.caseId())
        .param("requestId", entry.partnerRequestId())
        .param("key", entry.idempotencyKey())
        .param("agency", entry.agency())
        .param("type", entry.requestType())
        .param("fields", entry.fieldsDisclosed())
        .param("basis", entry.basis())
        .param("decisionId", entry.sharingDecisionId())
        .param("legalGround", entry.legalGround())
        .param("scope", entry.sharingScope())
        .param("purpose", entry.purpose())
        .param("by", entry.disclosedBy())
        .param("at", Timestamp.from(entry.disclosedAt()))
        .param("position", entry.position())
        .param("payloadDigest", entry.payloadDigest())
        .param("previousDigest", entry.previousDigest())
        .param("rowDigest", rowDigest)
        .update();
    jdbc.sql("update disclosure_ledger_head set last_position = :position, last_digest = :digest where id = :id")
        .param("position", entry.position())
        .param("digest", rowDigest)
        .param("id", HEAD)
        .update();
    return entry;
  }

  /** Where the chain starts and ends, as the head row says. */
  public record Head(long firstPosition, String anchorDigest, long lastPosition, String lastDigest) {
  }

  public Head head() {
    return jdbc.sql("select * from disclosure_ledger_head where id = :id").param("id", HEAD)
        .query(DisclosureAuditTable::headRow).single();
  }

  private Head lockHead() {
    return jdbc.sql("select * from disclosure_ledger_head where id = :id for update").param("id", HEAD)
        .query(DisclosureAuditTable::headRow).single();
  }

  /** A stored link of the chain: the entry as read back, and the digest stored with it. */
  public record StoredLink(LedgerEntry entry, String rowDigest) {
  }

  /** Every chained row from {@code fromPosition} on, in order, to {@code reader}, without loading them all at once. */
  public void chain(long fromPosition, Consumer<StoredLink> reader) {
    jdbc.sql("select * from disclosure_audit where chain_position >= :from order by chain_position")
        .param("from", fromPosition)
        .query((RowCallbackHandler) rs -> reader.accept(new StoredLink(entry(rs), rs.getString("row_digest"))));
  }

  private static LedgerEntry entry(ResultSet rs) throws SQLException {
    return new LedgerEntry(rs.getString("id"), rs.getLong("chain_position"), rs.getString("case_id"),
        rs.getString("partner_request_id"), rs.getString("idempotency_key"), rs.getString("agency"),
        rs.getString("request_type"), rs.getString("fields_disclosed"), rs.getString("basis"),
        rs.getString("sharing_decision_id"), rs.getString("legal_ground"), rs.getString("sharing_scope"),
        rs.getString("purpose"), rs.getString("disclosed_by"), rs.getTimestamp("disclosed_at").toInstant(),
        rs.getString("payload_digest"), rs.getString("previous_digest"));
  }

  static Head headRow(ResultSet rs, int row) throws SQLException {
    return new Head(rs.getLong("first_position"), rs.getString("anchor_digest"), rs.getLong("last_position"),
        rs.getString("last_digest"));
  }

  public List<Disclosure> forCase(String caseId) {
    return jdbc.sql(SELECT + " where d.case_id = :caseId order by d.disclosed_at, d.id")
        .param("caseId", caseId)
        .query(DisclosureAuditTable::disclosure)
        .list();
  }

  /**
   * Disclosures in [from, to) of the partnerships' cases, erased ones included, optionally to one agency only; at
   * most {@code limit}, newest first.
   */
  public List<Disclosure> between(List<String> partnerships, String agency, Instant from, Instant to, int limit) {
    return jdbc.sql(SELECT + """
             where d.disclosed_at >= :from and d.disclosed_at < :to
               and (cast(:agency as varchar(32)) is null or d.agency = :agency)
               and """ + CasesOfPartnerships.contain("d.case_id") + """
             order by d.disclosed_at desc, d.id
             limit :limit
            """)
        .param("agency", agency)
        .param("partnerships", partnerships.isEmpty() ? List.of("") : partnerships)
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
        rs.getString("partner_reference"), rs.getObject("chain_position") == null ? null : rs.getLong("chain_position"),
        rs.getString("payload_digest"), rs.getString("acknowledged_digest"));
  }
}

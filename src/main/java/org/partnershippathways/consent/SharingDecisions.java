package org.partnershippathways.consent;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Records consent and lawful-basis decisions (table {@code sharing_decision}). Decisions are never changed: a new
 * one supersedes the one in force.
 */
@Service
public class SharingDecisions {

  /** The ground recorded when an immediate risk is notified without consent. */
  public static final String VITAL_INTERESTS =
      "UK GDPR Art 6(1)(d) and Art 9(2)(c) vital interests: immediate risk to life or of serious harm";

  private final JdbcClient jdbc;

  public SharingDecisions(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public String recordConsentGiven(String caseId, String givenBy, SharingScope scope, String decidedBy,
      String processInstanceId) {
    return append(caseId, SharingBasis.CONSENT.name(), ConsentStatus.GIVEN, givenBy, null, scope, null, decidedBy,
        processInstanceId);
  }

  /** Consent was not given: nothing may be shared until a Caldicott guardian decides otherwise. */
  public String recordConsentNotGiven(String caseId, ConsentStatus status, String reason, String decidedBy,
      String processInstanceId) {
    return append(caseId, SharingDecision.NONE, status, null, null, null, reason, decidedBy, processInstanceId);
  }

  public String recordLawfulBasis(String caseId, ConsentStatus status, String legalGround, SharingScope scope,
      String rationale, String decidedBy, String processInstanceId) {
    return append(caseId, SharingBasis.LAWFUL_BASIS.name(), status, null, legalGround, scope, rationale, decidedBy,
        processInstanceId);
  }

  public String recordNoSharing(String caseId, ConsentStatus status, String rationale, String decidedBy,
      String processInstanceId) {
    return append(caseId, SharingDecision.NONE, status, null, null, null, rationale, decidedBy, processInstanceId);
  }

  /**
   * Immediate risk: partners may be told without consent (vital interests), proportionately: identity and the
   * concern. A decision in force that already allows that much stays in force, and its id is returned.
   */
  public String recordVitalInterests(String caseId, String decidedBy) {
    Optional<SharingDecision> current = inForce(caseId);
    if (current.isPresent() && current.get().permitsSharing()
        && current.get().scope().compareTo(SharingScope.IDENTITY_AND_CONCERN) >= 0) {
      return current.get().id();
    }
    ConsentStatus status = current.map(SharingDecision::consentStatus).orElse(null);
    return append(caseId, SharingBasis.LAWFUL_BASIS.name(), status, null, VITAL_INTERESTS,
        SharingScope.IDENTITY_AND_CONCERN, "Immediate risk: statutory step-up", decidedBy, null);
  }

  public Optional<SharingDecision> inForce(String caseId) {
    return jdbc.sql("select * from sharing_decision where case_id = :caseId and superseded_at is null "
            + "order by decided_at desc")
        .param("caseId", caseId)
        .query(SharingDecisions::decision)
        .list().stream().findFirst();
  }

  /** Every decision on the case, newest first. */
  public List<SharingDecision> history(String caseId) {
    return jdbc.sql("select * from sharing_decision where case_id = :caseId order by decided_at desc")
        .param("caseId", caseId)
        .query(SharingDecisions::decision)
        .list();
  }

  private String append(String caseId, String basis, ConsentStatus status, String givenBy, String legalGround,
      SharingScope scope, String reason, String decidedBy, String processInstanceId) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    jdbc.sql("update sharing_decision set superseded_at = :now where case_id = :caseId and superseded_at is null")
        .param("now", Timestamp.from(now))
        .param("caseId", caseId)
        .update();
    String id = UUID.randomUUID().toString();
    jdbc.sql("insert into sharing_decision (id, case_id, basis, consent_status, consent_given_by, legal_ground, "
            + "scope, reason, decided_by, decided_at, process_instance_id) values (:id, :caseId, :basis, :status, "
            + ":givenBy, :legalGround, :scope, :reason, :decidedBy, :decidedAt, :processInstanceId)")
        .param("id", id)
        .param("caseId", caseId)
        .param("basis", basis)
        .param("status", status == null ? null : status.name())
        .param("givenBy", givenBy)
        .param("legalGround", legalGround)
        .param("scope", scope == null ? null : scope.name())
        .param("reason", reason)
        .param("decidedBy", decidedBy)
        .param("decidedAt", Timestamp.from(now))
        .param("processInstanceId", processInstanceId)
        .update();
    return id;
  }

  private static SharingDecision decision(ResultSet row, int rowNumber) throws SQLException {
    String status = row.getString("consent_status");
    String scope = row.getString("scope");
    Timestamp superseded = row.getTimestamp("superseded_at");
    return new SharingDecision(row.getString("id"), row.getString("case_id"), row.getString("basis"),
        status == null ? null : ConsentStatus.valueOf(status), row.getString("consent_given_by"),
        row.getString("legal_ground"), scope == null ? null : SharingScope.valueOf(scope), row.getString("reason"),
        row.getString("decided_by"), row.getTimestamp("decided_at").toInstant(),
        superseded == null ? null : superseded.toInstant());
  }
}

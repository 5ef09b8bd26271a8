package org.partnershippathways.consent;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.partnershippathways.security.Agency;
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

  /** How long the vital-interests basis of an immediate risk lets police and social care be told. */
  static final Duration VITAL_INTERESTS_VALIDITY = Duration.ofDays(30);

  String recordConsentGiven(String caseId, String givenBy, SharingScope scope, SharingCoverage coverage,
      String decidedBy, String processInstanceId) {
    return append(new NewDecision(caseId, SharingBasis.CONSENT.name(), ConsentStatus.GIVEN, givenBy, null, scope,
        null, coverage), decidedBy, processInstanceId, true);
  }

  /** Consent was not given: nothing may be shared until a Caldicott guardian decides otherwise. */
  String recordConsentNotGiven(String caseId, ConsentStatus status, String reason, String decidedBy,
      String processInstanceId) {
    return append(new NewDecision(caseId, SharingDecision.NONE, status, null, null, null, reason, null), decidedBy,
        processInstanceId, true);
  }

  String recordLawfulBasis(String caseId, ConsentStatus status, String legalGround, SharingScope scope,
      SharingCoverage coverage, String rationale, String decidedBy, String processInstanceId) {
    return append(new NewDecision(caseId, SharingBasis.LAWFUL_BASIS.name(), status, null, legalGround, scope,
        rationale, coverage), decidedBy, processInstanceId, true);
  }

  String recordNoSharing(String caseId, ConsentStatus status, String rationale, String decidedBy,
      String processInstanceId) {
    return append(new NewDecision(caseId, SharingDecision.NONE, status, null, null, null, rationale, null), decidedBy,
        processInstanceId, true);
  }

  /**
   * The same decision again, until a later date (the coordinator renewed it with the person, or the guardian
   * confirmed the lawful basis still stands); it supersedes the one renewed.
   */
  String renew(SharingDecision renewed, Instant validUntil, String note, String decidedBy) {
    return append(new NewDecision(renewed.caseId(), renewed.basis(), renewed.consentStatus(),
        renewed.consentGivenBy(), renewed.legalGround(), renewed.scope(), note,
        renewed.coverage().until(validUntil)), decidedBy, null, true);
  }

  /**
   * Immediate risk: partners may be told without consent (vital interests), proportionately: identity and the
   * concern. A decision in force that already allows that much stays in force, and its id is returned.
   */
  public String recordVitalInterests(String caseId, String decidedBy) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    SharingCoverage needed = new SharingCoverage(EnumSet.of(Agency.POLICE, Agency.SOCIAL_CARE),
        EnumSet.of(SharingPurpose.SAFEGUARDING), now.plus(VITAL_INTERESTS_VALIDITY));
    List<SharingDecision> current = allInForce(caseId);
    Optional<SharingDecision> enough = current.stream().filter(SharingDecision::permitsSharing)
        .filter(decision -> decision.scope().compareTo(SharingScope.IDENTITY_AND_CONCERN) >= 0)
        .filter(decision -> needed.agencies().stream().allMatch(agency ->
            decision.permits(agency, SharingPurpose.SAFEGUARDING, now)))
        .findFirst();
    if (enough.isPresent()) {
      return enough.get().id();
    }
    ConsentStatus status = current.stream().findFirst().map(SharingDecision::consentStatus).orElse(null);
    // alongside the decision in force, not instead of it: the consent the person gave other agencies stays
    return append(new NewDecision(caseId, SharingBasis.LAWFUL_BASIS.name(), status, null, VITAL_INTERESTS,
        SharingScope.IDENTITY_AND_CONCERN, "Immediate risk: statutory step-up", needed), decidedBy, null, false);
  }

  /**
   * The person withdrew their consent: takes effect at once, superseding every decision in force (a basis beside it
   * included), so nothing more is disclosed. Sharing again needs a fresh decision (a Caldicott guardian's lawful
   * basis, or new consent). Empty when no consent is in force to withdraw.
   */
  public Optional<String> recordWithdrawal(String caseId, String withdrawnBy, String decidedBy) {
    if (!consentInForce(caseId)) {
      return Optional.empty();
    }
    return Optional.of(append(new NewDecision(caseId, SharingDecision.NONE, ConsentStatus.WITHDRAWN, null, null,
        null, "Consent withdrawn by " + withdrawnBy, null), decidedBy, null, true));
  }

  /** Whether a consent is in force for the case (one that could be withdrawn). */
  public boolean consentInForce(String caseId) {
    return allInForce(caseId).stream().anyMatch(decision -> SharingBasis.CONSENT.name().equals(decision.basis()));
  }

  /** The latest decision not superseded. */
  public Optional<SharingDecision> inForce(String caseId) {
    return allInForce(caseId).stream().findFirst();
  }

  /** Every decision not superseded (a vital-interests basis stands beside a consent), newest first. */
  List<SharingDecision> allInForce(String caseId) {
    return jdbc.sql("select * from sharing_decision where case_id = :caseId and superseded_at is null "
            + "order by decided_at desc")
        .param("caseId", caseId)
        .query(SharingDecisions::decision)
        .list();
  }

  Optional<SharingDecision> byId(String decisionId) {
    return jdbc.sql("select * from sharing_decision where id = :id").param("id", decisionId)
        .query(SharingDecisions::decision).optional();
  }

  /** Consents and lawful bases in force that end before {@code before} and whose renewal nobody was asked for. */
  List<SharingDecision> endingWithoutRenewalAsked(Instant before) {
    return jdbc.sql("select * from sharing_decision where superseded_at is null and valid_until is not null "
            + "and valid_until < :before and renewal_asked_at is null and basis <> :none order by valid_until")
        .param("before", Timestamp.from(before))
        .param("none", SharingDecision.NONE)
        .query(SharingDecisions::decision)
        .list();
  }

  /** True for the one caller (of any node) that marks it first. */
  boolean markRenewalAsked(String decisionId, Instant at) {
    return jdbc.sql("update sharing_decision set renewal_asked_at = :at where id = :id and renewal_asked_at is null")
        .param("at", Timestamp.from(at)).param("id", decisionId).update() == 1;
  }

  /** Every decision on the case, newest first. */
  public List<SharingDecision> history(String caseId) {
    return jdbc.sql("select * from sharing_decision where case_id = :caseId order by decided_at desc")
        .param("caseId", caseId)
        .query(SharingDecisions::decision)
        .list();
  }

  private record NewDecision(String caseId, String basis, ConsentStatus status, String givenBy, String legalGround,
      SharingScope scope, String reason, SharingCoverage coverage) {
  }

  private String append(NewDecision decision, String decidedBy, String processInstanceId, boolean supersede) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    if (supersede) {
      jdbc.sql("update sharing_decision set superseded_at = :now where case_id = :caseId and superseded_at is null")
          .param("now", Timestamp.from(now))
          .param("caseId", decision.caseId())
          .update();
    }
    SharingCoverage coverage = decision.coverage();
    String id = UUID.randomUUID().toString();
    jdbc.sql("insert into sharing_decision (id, case_id, basis, consent_status, consent_given_by, legal_ground, "
            + "scope, reason, decided_by, decided_at, process_instance_id, agencies, purposes, valid_until) values "
            + "(:id, :caseId, :basis, :status, :givenBy, :legalGround, :scope, :reason, :decidedBy, :decidedAt, "
            + ":processInstanceId, :agencies, :purposes, :validUntil)")
        .param("id", id)
        .param("caseId", decision.caseId())
        .param("basis", decision.basis())
        .param("status", decision.status() == null ? null : decision.status().name())
        .param("givenBy", decision.givenBy())
        .param("legalGround", decision.legalGround())
        .param("scope", decision.scope() == null ? null : decision.scope().name())
        .param("reason", decision.reason())
        .param("decidedBy", decidedBy)
        .param("decidedAt", Timestamp.from(now))
        .param("processInstanceId", processInstanceId)
        .param("agencies", coverage == null ? null : coverage.agencyColumn())
        .param("purposes", coverage == null ? null : coverage.purposeColumn())
        .param("validUntil", coverage == null || coverage.validUntil() == null ? null
            : Timestamp.from(coverage.validUntil()))
        .update();
    return id;
  }

  private static SharingDecision decision(ResultSet row, int rowNumber) throws SQLException {
    String status = row.getString("consent_status");
    String scope = row.getString("scope");
    Timestamp superseded = row.getTimestamp("superseded_at");
    Timestamp validUntil = row.getTimestamp("valid_until");
    return new SharingDecision(row.getString("id"), row.getString("case_id"), row.getString("basis"),
        status == null ? null : ConsentStatus.valueOf(status), row.getString("consent_given_by"),
        row.getString("legal_ground"), scope == null ? null : SharingScope.valueOf(scope), row.getString("reason"),
        row.getString("decided_by"), row.getTimestamp("decided_at").toInstant(),
        superseded == null ? null : superseded.toInstant(),
        SharingCoverage.fromColumns(row.getString("agencies"), row.getString("purposes"),
            validUntil == null ? null : validUntil.toInstant()));
  }
}

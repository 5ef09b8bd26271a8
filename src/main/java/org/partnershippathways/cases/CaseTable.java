package org.partnershippathways.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.partnershippathways.platform.DatabaseKind;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Tables {@code pathway_case} and {@code pathway_concern}: the only class that writes them. */
class CaseTable {

  private final JdbcClient jdbc;
  private final DatabaseKind database;

  CaseTable(DataSource dataSource) {
    this.jdbc = JdbcClient.create(dataSource);
    this.database = DatabaseKind.of(dataSource);
  }

  /** Locks the given stripes, in ascending order (so that two intakes never wait for each other in a circle). */
  void lockIntakeStripes(java.util.SortedSet<Integer> stripes) {
    jdbc.sql("select id from pathway_intake_stripe where id in (:ids) order by id for update")
        .param("ids", List.copyOf(stripes)).query(Integer.class).list();
  }

  String nextReference(int year) {
    String sql = database == DatabaseKind.POSTGRES ? "select nextval('pathway_case_reference_seq')"
        : "select next value for pathway_case_reference_seq";
    long number = jdbc.sql(sql).query(Long.class).single();
    return "PP-%d-%06d".formatted(year, number);
  }

  void insertCase(String caseId, String reference, PersonDetails person, RaisedConcern concern, Instant now) {
    Referrer referrer = concern.referrer();
    jdbc.sql("""
        insert into pathway_case (id, reference, status, person_given_name, person_family_name, person_date_of_birth,
          person_nhs_number, person_address, person_child, referrer_name, referrer_agency, referrer_contact, created_at,
          partnership_id)
        values (:id, :reference, 'OPEN', :given, :family, :dob, :nhs, :address, :child, :referrerName,
          :referrerAgency, :referrerContact, :now, :partnership)""")
        .param("id", caseId).param("reference", reference).param("partnership", concern.partnershipId())
        .param("given", person.givenName()).param("family", person.familyName())
        .param("dob", person.dateOfBirth()).param("nhs", person.nhsNumber()).param("address", person.address())
        .param("child", person.child())
        .param("referrerName", referrer.name()).param("referrerAgency", referrer.agency())
        .param("referrerContact", referrer.contact())
        .param("now", Timestamp.from(now))
        .update();
  }

  String insertConcern(String caseId, RaisedConcern concern, boolean joinedExistingCase, Instant now) {
    String id = UUID.randomUUID().toString();
    Referrer referrer = concern.referrer();
    jdbc.sql("""
        insert into pathway_concern (id, case_id, categories, description, immediate_risk, consent_obtained,
          joined_existing_case, referrer_name, referrer_agency, referrer_contact, idempotency_key, request_hash,
          raised_by, raised_at)
        values (:id, :caseId, :categories, :description, :immediateRisk, :consent, :joined, :referrerName,
          :referrerAgency, :referrerContact, :key, :hash, :raisedBy, :now)""")
        .param("id", id).param("caseId", caseId)
        .param("categories", String.join(",", concern.categories()))
        .param("description", concern.description())
        .param("immediateRisk", concern.immediateRisk()).param("consent", concern.consentObtained())
        .param("joined", joinedExistingCase)
        .param("referrerName", referrer.name()).param("referrerAgency", referrer.agency())
        .param("referrerContact", referrer.contact())
        .param("key", concern.idempotencyKey()).param("hash", concern.requestHash())
        .param("raisedBy", concern.raisedBy())
        .param("now", Timestamp.from(now))
        .update();
    return id;
  }

  /** Cases with the same NHS number, or the same given and family name and date of birth; oldest first. */
  List<String> casesOfPerson(String nhsNumber, String familyName, LocalDate dateOfBirth,
      java.util.Collection<String> partnershipIds) {
    return jdbc.sql("""
        select id from pathway_case
        where partnership_id in (:partnerships) and (
          (cast(:nhs as varchar(10)) is not null and person_nhs_number = :nhs)
          or (cast(:family as varchar(100)) is not null and lower(person_family_name) = lower(:family)
              and person_date_of_birth = :dob))
        order by created_at, id""")
        .param("partnerships", List.copyOf(partnershipIds))
        .param("nhs", nhsNumber, java.sql.Types.VARCHAR)
        .param("family", familyName, java.sql.Types.VARCHAR)
        .param("dob", dateOfBirth, java.sql.Types.DATE)
        .query(String.class)
        .list();
  }

  List<OpenCase> openCasesLike(PersonDetails person, String partnershipId) {
    return jdbc.sql("""
        select id, reference, process_instance_id, person_given_name, person_family_name, person_date_of_birth,
          person_nhs_number, person_address, person_child
        from pathway_case
        where status = 'OPEN' and partnership_id = :partnership and (
          (:nhs is not null and person_nhs_number = :nhs)
          or (lower(person_given_name) = lower(:given) and lower(person_family_name) = lower(:family)
              and person_date_of_birth = :dob))
        order by created_at, id""")
        .param("partnership", partnershipId)
        .param("nhs", person.nhsNumber(), java.sql.Types.VARCHAR)
        .param("given", person.givenName()).param("family", person.familyName())
        .param("dob", person.dateOfBirth())
        .query(CaseTable::openCase)
        .list();
  }

  private static OpenCase openCase(ResultSet rs, int row) throws SQLException {
    return new OpenCase(rs.getString("id"), rs.getString("reference"), rs.getString("process_instance_id"),
        new PersonDetails(rs.getString("person_given_name"), rs.getString("person_family_name"),
            rs.getObject("person_date_of_birth", LocalDate.class), rs.getString("person_nhs_number"),
            rs.getString("person_address"), rs.getBoolean("person_child")));
  }

  int countEarlierConcerns(PersonDetails person, String partnershipId) {
    return jdbc.sql("""
        select count(*) from pathway_concern k join pathway_case c on c.id = k.case_id
        where c.partnership_id = :partnership and (
          (:nhs is not null and c.person_nhs_number = :nhs)
          or (lower(c.person_given_name) = lower(:given) and lower(c.person_family_name) = lower(:family)
              and c.person_date_of_birth = :dob))""")
        .param("partnership", partnershipId)
        .param("nhs", person.nhsNumber(), java.sql.Types.VARCHAR)
        .param("given", person.givenName()).param("family", person.familyName())
        .param("dob", person.dateOfBirth())
        .query(Integer.class).single();
  }

  Optional<StoredConcern> concernWithKey(String idempotencyKey) {
    return jdbc.sql("""
        select k.id, c.id, c.reference, c.process_instance_id, k.joined_existing_case, k.request_hash
        from pathway_concern k join pathway_case c on c.id = k.case_id where k.idempotency_key = :key""")
        .param("key", idempotencyKey)
        .query((rs, row) -> new StoredConcern(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getBoolean(5), rs.getString(6)))
        .optional();
  }

  void setProcessInstance(String caseId, String processInstanceId) {
    jdbc.sql("update pathway_case set process_instance_id = :pid where id = :id")
        .param("pid", processInstanceId).param("id", caseId).update();
  }

  void setPossibleDuplicateOf(String caseId, String otherCaseId) {
    jdbc.sql("update pathway_case set possible_duplicate_of = :other where id = :id")
        .param("other", otherCaseId).param("id", caseId).update();
  }

  void setDuplicateDecision(String caseId, DuplicateDecision decision, String reason, String decidedBy,
      Instant now) {
    jdbc.sql("""
        update pathway_case set duplicate_decision = :decision, duplicate_reason = :reason,
          duplicate_decided_by = :by, duplicate_decided_at = :now where id = :id""")
        .param("decision", decision.name()).param("reason", reason).param("by", decidedBy)
        .param("now", Timestamp.from(now)).param("id", caseId).update();
  }

  /** Moves every concern of one case to another, as further concerns of that case; returns them. */
  List<RecordedConcern> moveConcerns(String fromCaseId, String toCaseId) {
    List<RecordedConcern> concerns = concernsOf(fromCaseId);
    jdbc.sql("update pathway_concern set case_id = :to, joined_existing_case = true where case_id = :from")
        .param("to", toCaseId).param("from", fromCaseId).update();
    return concerns;
  }

  List<RecordedConcern> concernsOf(String caseId) {
    return jdbc.sql("""
        select id, categories, immediate_risk, referrer_name, referrer_agency, referrer_contact
        from pathway_concern where case_id = :id order by raised_at, id""")
        .param("id", caseId)
        .query((rs, row) -> new RecordedConcern(rs.getString("id"), List.of(rs.getString("categories").split(",")),
            rs.getBoolean("immediate_risk"), new Referrer(rs.getString("referrer_name"),
                rs.getString("referrer_agency"), rs.getString("referrer_contact"))))
        .list();
  }

  List<ConcernDetails> concernDetails(String caseId) {
    return jdbc.sql("""
        select raised_at, categories, description, immediate_risk, referrer_name, referrer_agency, referrer_contact
        from pathway_concern where case_id = :id order by raised_at, id""")
        .param("id", caseId)
        .query((rs, row) -> new ConcernDetails(rs.getTimestamp("raised_at").toInstant(),
            List.of(rs.getString("categories").split(",")), rs.getString("description"),
            rs.getBoolean("immediate_risk"), new Referrer(rs.getString("referrer_name"),
                rs.getString("referrer_agency"), rs.getString("referrer_contact"))))
        .list();
  }

  /** Concerns on other cases about the case's person, raised before the case was opened; newest first. */
  List<EarlierConcern> earlierConcerns(String caseId) {
    return jdbc.sql("""
        select other.reference, k.raised_at, k.categories
        from pathway_case c
        join pathway_case other on other.id <> c.id and other.partnership_id = c.partnership_id and (
          (c.person_nhs_number is not null and other.person_nhs_number = c.person_nhs_number)
          or (lower(other.person_given_name) = lower(c.person_given_name)
              and lower(other.person_family_name) = lower(c.person_family_name)
              and other.person_date_of_birth = c.person_date_of_birth))
        join pathway_concern k on k.case_id = other.id
        where c.id = :id and k.raised_at <= c.created_at
        order by k.raised_at desc, k.id""")
        .param("id", caseId)
        .query((rs, row) -> new EarlierConcern(rs.getString("reference"), rs.getTimestamp("raised_at").toInstant(),
            List.of(rs.getString("categories").split(","))))
        .list();
  }

  Optional<OpenCase> openCase(String caseId) {
    return jdbc.sql("""
        select id, reference, process_instance_id, person_given_name, person_family_name, person_date_of_birth,
          person_nhs_number, person_address, person_child
        from pathway_case where id = :id and status = 'OPEN'""")
        .param("id", caseId)
        .query(CaseTable::openCase)
        .optional();
  }

  void setRisk(String caseId, String riskRating, String urgency) {
    jdbc.sql("update pathway_case set risk_rating = :risk, urgency = :urgency where id = :id")
        .param("risk", riskRating).param("urgency", urgency).param("id", caseId).update();
  }

  void close(String caseId, CaseStatus status, String closureOutcome, Instant now) {
    jdbc.sql("update pathway_case set status = :status, closure_outcome = :outcome, closed_at = :now where id = :id")
        .param("status", status.name()).param("outcome", closureOutcome).param("now", Timestamp.from(now))
        .param("id", caseId).update();
  }

  boolean exists(String caseId) {
    return jdbc.sql("select count(*) from pathway_case where id = :id").param("id", caseId).query(Long.class)
        .single() > 0;
  }

  Optional<CaseSummary> summary(String caseId) {
    Optional<CaseSummary> summary = jdbc.sql("""
        select id, reference, person_given_name, person_family_name, person_date_of_birth, person_nhs_number,
          person_address, person_child, risk_rating, referrer_name, referrer_agency, referrer_contact, closure_outcome
        from pathway_case where id = :id""")
        .param("id", caseId)
        .query((rs, row) -> new CaseSummary(rs.getString("id"), rs.getString("reference"),
            new PersonDetails(rs.getString("person_given_name"), rs.getString("person_family_name"),
                rs.getObject("person_date_of_birth", LocalDate.class), rs.getString("person_nhs_number"),
                rs.getString("person_address"), rs.getBoolean("person_child")),
            List.of(), null, rs.getString("risk_rating"), rs.getString("referrer_name"),
            rs.getString("referrer_agency"), rs.getString("referrer_contact"), rs.getString("closure_outcome")))
        .optional();
    return summary.map(this::withConcerns);
  }

  private CaseSummary withConcerns(CaseSummary summary) {
    List<String[]> concerns = jdbc.sql(
            "select categories, description from pathway_concern where case_id = :id order by raised_at, id")
        .param("id", summary.caseId())
        .query((rs, row) -> new String[] {rs.getString(1), rs.getString(2)})
        .list();
    List<String> categories = concerns.stream().flatMap(c -> Arrays.stream(c[0].split(","))).distinct().toList();
    String description = concerns.stream().map(c -> c[1]).reduce((a, b) -> a + "\n\n" + b).orElse(null);
    return new CaseSummary(summary.caseId(), summary.reference(), summary.person(), categories, description,
        summary.riskRating(), summary.referrerName(), summary.referrerAgency(), summary.referrerContact(),
        summary.outcome());
  }

  boolean restricted(String caseId) {
    return jdbc.sql("select count(*) from pathway_case where id = :id and restricted_at is not null")
        .param("id", caseId).query(Long.class).single() > 0;
  }

  void restrict(String caseId, String decisionId, Instant now) {
    jdbc.sql("""
        update pathway_case set restricted_at = :now, restriction_decision_id = :decision
        where id = :id and restricted_at is null""")
        .param("id", caseId).param("decision", decisionId).param("now", Timestamp.from(now))
        .update();
  }

  Optional<String> processInstanceId(String caseId) {
    return column("process_instance_id", caseId);
  }

  Optional<String> partnershipOf(String caseId) {
    return column("partnership_id", caseId);
  }

  private Optional<String> column(String column, String caseId) {
    return jdbc.sql("select " + column + " from pathway_case where id = :id").param("id", caseId)
        .query(String.class).optional();
  }

  Map<String, Integer> erase(String caseId) {
    jdbc.sql("update pathway_case set possible_duplicate_of = null where possible_duplicate_of = :id")
        .param("id", caseId).update();
    Map<String, Integer> removed = new LinkedHashMap<>();
    removed.put("pathway_concern", jdbc.sql("delete from pathway_concern where case_id = :id").param("id", caseId)
        .update());
    removed.put("pathway_case", jdbc.sql("delete from pathway_case where id = :id").param("id", caseId).update());
    return removed;
  }
}

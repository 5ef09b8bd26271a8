package org.partnershippathways.intake;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Tables {@code pathway_case} and {@code pathway_concern}. */
public class CaseTable {

  /** The open case of a person, to which further concerns are added. */
  public record OpenCase(String caseId, String reference, String processInstanceId) {
  }

  /** A concern recorded earlier under an idempotency key, with the answer given then. */
  public record StoredConcern(String concernId, String caseId, String reference, String processInstanceId,
      boolean joinedExistingCase, String requestHash) {
  }

  private final JdbcClient jdbc;
  private final boolean postgres;

  public CaseTable(DataSource dataSource) {
    this.jdbc = JdbcClient.create(dataSource);
    this.postgres = isPostgres(dataSource);
  }

  private static boolean isPostgres(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      return connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot tell which database holds the cases", e);
    }
  }

  /** Waits for other concern intakes to commit, then holds them off until this transaction ends. */
  public void lockIntake() {
    jdbc.sql("select id from pathway_intake_lock where id = 1 for update").query(Integer.class).single();
  }

  /** The next case reference, {@code PP-<year>-<6 digits>}. */
  public String nextReference(int year) {
    String sql = postgres ? "select nextval('pathway_case_reference_seq')"
        : "select next value for pathway_case_reference_seq";
    long number = jdbc.sql(sql).query(Long.class).single();
    return "PP-%d-%06d".formatted(year, number);
  }

  public void insertCase(String caseId, String reference, NewConcern concern, Instant now) {
    PersonDetails person = concern.person();
    jdbc.sql("""
        insert into pathway_case (id, reference, status, person_given_name, person_family_name, person_date_of_birth,
          person_nhs_number, person_address, person_child, referrer_name, referrer_agency, referrer_contact, created_at)
        values (:id, :reference, 'OPEN', :given, :family, :dob, :nhs, :address, :child, :referrerName,
          :referrerAgency, :referrerContact, :now)""")
        .param("id", caseId).param("reference", reference)
        .param("given", person.givenName()).param("family", person.familyName())
        .param("dob", person.dateOfBirth()).param("nhs", person.nhsNumber()).param("address", person.address())
        .param("child", person.child())
        .param("referrerName", concern.referrer().name()).param("referrerAgency", concern.referrer().agency())
        .param("referrerContact", concern.referrer().contact())
        .param("now", Timestamp.from(now))
        .update();
  }

  /** Records the concern and answers its id. */
  public String insertConcern(String caseId, NewConcern concern, boolean joinedExistingCase, String idempotencyKey,
      String requestHash, String raisedBy, Instant now) {
    String id = UUID.randomUUID().toString();
    jdbc.sql("""
        insert into pathway_concern (id, case_id, categories, description, immediate_risk, consent_obtained,
          joined_existing_case, referrer_name, referrer_agency, referrer_contact, idempotency_key, request_hash,
          raised_by, raised_at)
        values (:id, :caseId, :categories, :description, :immediateRisk, :consent, :joined, :referrerName,
          :referrerAgency, :referrerContact, :key, :hash, :raisedBy, :now)""")
        .param("id", id).param("caseId", caseId)
        .param("categories", String.join(",", concern.categoryNames()))
        .param("description", concern.description())
        .param("immediateRisk", concern.immediateRisk()).param("consent", concern.consentObtained())
        .param("joined", joinedExistingCase)
        .param("referrerName", concern.referrer().name()).param("referrerAgency", concern.referrer().agency())
        .param("referrerContact", concern.referrer().contact())
        .param("key", idempotencyKey).param("hash", requestHash).param("raisedBy", raisedBy)
        .param("now", Timestamp.from(now))
        .update();
    return id;
  }

  /** The person's open case: same NHS number, or same given and family name and date of birth. */
  public Optional<OpenCase> findOpenCase(PersonDetails person) {
    return jdbc.sql("""
        select id, reference, process_instance_id from pathway_case
        where status = 'OPEN' and (
          (:nhs is not null and person_nhs_number = :nhs)
          or (lower(person_given_name) = lower(:given) and lower(person_family_name) = lower(:family)
              and person_date_of_birth = :dob))
        order by created_at""")
        .param("nhs", person.nhsNumber(), java.sql.Types.VARCHAR)
        .param("given", person.givenName()).param("family", person.familyName())
        .param("dob", person.dateOfBirth())
        .query((rs, row) -> new OpenCase(rs.getString(1), rs.getString(2), rs.getString(3)))
        .list().stream().findFirst();
  }

  /** How many concerns the person had on earlier cases (all closed, or the person would have an open case). */
  public int countEarlierConcerns(PersonDetails person) {
    return jdbc.sql("""
        select count(*) from pathway_concern k join pathway_case c on c.id = k.case_id
        where (:nhs is not null and c.person_nhs_number = :nhs)
          or (lower(c.person_given_name) = lower(:given) and lower(c.person_family_name) = lower(:family)
              and c.person_date_of_birth = :dob)""")
        .param("nhs", person.nhsNumber(), java.sql.Types.VARCHAR)
        .param("given", person.givenName()).param("family", person.familyName())
        .param("dob", person.dateOfBirth())
        .query(Integer.class).single();
  }

  public Optional<StoredConcern> findByIdempotencyKey(String idempotencyKey) {
    return jdbc.sql("""
        select k.id, c.id, c.reference, c.process_instance_id, k.joined_existing_case, k.request_hash
        from pathway_concern k join pathway_case c on c.id = k.case_id where k.idempotency_key = :key""")
        .param("key", idempotencyKey)
        .query((rs, row) -> new StoredConcern(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getBoolean(5), rs.getString(6)))
        .optional();
  }

  public void setProcessInstance(String caseId, String processInstanceId) {
    jdbc.sql("update pathway_case set process_instance_id = :pid where id = :id")
        .param("pid", processInstanceId).param("id", caseId).update();
  }

  /** The triage a coordinator confirmed. */
  public void setRisk(String caseId, String riskRating, String urgency) {
    jdbc.sql("update pathway_case set risk_rating = :risk, urgency = :urgency where id = :id")
        .param("risk", riskRating).param("urgency", urgency).param("id", caseId).update();
  }

  /** Ends the case: status CLOSED or STEPPED_UP, with its outcome code. */
  public void close(String caseId, String status, String closureOutcome, Instant now) {
    jdbc.sql("update pathway_case set status = :status, closure_outcome = :outcome, closed_at = :now where id = :id")
        .param("status", status).param("outcome", closureOutcome).param("now", Timestamp.from(now))
        .param("id", caseId).update();
  }

  public Optional<String> status(String caseId) {
    return jdbc.sql("select status from pathway_case where id = :id").param("id", caseId).query(String.class)
        .optional();
  }

  public Optional<CaseSummary> summary(String caseId) {
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
}

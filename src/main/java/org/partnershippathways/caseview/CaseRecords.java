package org.partnershippathways.caseview;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.partnershippathways.calendar.UkDates;
import org.partnershippathways.calendar.WorkingDayCalendar;
import org.partnershippathways.triage.TriageWords;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads (never writes) a case's row for its summary, and the tombstone of an erased case
 * ({@code data_protection_decision}), whose row is gone.
 */
@Repository
class CaseRecords {

  /** An erased case's tombstone: which case, when, what was done. */
  record Tombstone(String caseId, String reference, String erasedOn, String whatWasDone) {
  }

  private final JdbcClient jdbc;
  private final ZoneId zone;

  CaseRecords(JdbcClient jdbc, WorkingDayCalendar calendar) {
    this.jdbc = jdbc;
    this.zone = calendar.zone();
  }

  Optional<CaseRecord> of(String caseId, CaseAudience audience) {
    return jdbc.sql("select * from pathway_case where id = :id").param("id", caseId)
        .query((row, n) -> record(row, audience)).optional();
  }

  /** The partnership of the case, or of the erased case whose tombstone is left. */
  Optional<String> partnershipOf(String caseId) {
    return jdbc.sql("""
            select partnership_id from pathway_case where id = :id
            union select partnership_id from data_protection_decision where case_id = :id and kind = 'ERASURE'""")
        .param("id", caseId).query(String.class).list().stream().findFirst();
  }

  Optional<Tombstone> tombstone(String caseId) {
    return jdbc.sql("""
            select case_id, case_reference, decided_at, what_was_done from data_protection_decision
            where case_id = :id and kind = 'ERASURE'""").param("id", caseId)
        .query((row, n) -> new Tombstone(row.getString("case_id"), row.getString("case_reference"),
            UkDates.dayAndTime(ChronologyRows.instant(row, "decided_at"), zone), row.getString("what_was_done")))
        .list().stream().findFirst();
  }

  CaseRecord erased(Tombstone tombstone) {
    return new CaseRecord(tombstone.caseId(), tombstone.reference(), "Erased", null, null, null, null, null, null,
        null, null, "Erased by a Caldicott guardian's decision on " + tombstone.erasedOn()
            + ". Only this tombstone is kept: " + tombstone.whatWasDone(),
        "Shown as the partnership hub sees it.");
  }

  private CaseRecord record(ResultSet row, CaseAudience audience) throws SQLException {
    boolean seesRisk = audience.seesRisk();
    CaseRecord.Person person = null;
    List<String> categories = null;
    if (audience.hub()) {
      LocalDate born = row.getObject("person_date_of_birth", LocalDate.class);
      person = new CaseRecord.Person(row.getString("person_given_name") + " " + row.getString("person_family_name"),
          UkDates.day(born), Period.between(born, LocalDate.now(zone)).getYears(),
          spaced(row.getString("person_nhs_number")), row.getBoolean("person_child"));
      categories = jdbc.sql("select categories from pathway_concern where case_id = :id order by raised_at")
          .param("id", row.getString("id")).query(String.class).list().stream()
          .flatMap(codes -> List.of(CodeWords.categories(codes).split(", ")).stream()).distinct().toList();
    }
    java.time.Instant restricted = ChronologyRows.instant(row, "restricted_at");
    return new CaseRecord(row.getString("id"), row.getString("reference"), CodeWords.of(row.getString("status")),
        UkDates.dayAndTime(ChronologyRows.instant(row, "created_at"), zone),
        UkDates.dayAndTime(ChronologyRows.instant(row, "closed_at"), zone), CodeWords.of(row.getString("closure_outcome")),
        seesRisk ? TriageWords.riskRating(row.getString("risk_rating")) : null,
        seesRisk ? TriageWords.urgency(row.getString("urgency")) : null, person, categories,
        restricted == null ? null : "Restricted by a Caldicott guardian on " + UkDates.dayAndTime(restricted, zone)
            + ": nothing more about this person is shared with partners.",
        null, "Shown as " + audience.words() + " sees it" + (audience.hub() ? "." : ": only what concerns "
            + (audience.agencies().size() > 1 ? "them." : "it.")));
  }

  /** "9434765919" as "943 476 5919", as the NHS writes it. */
  static String spaced(String nhsNumber) {
    if (nhsNumber == null || nhsNumber.length() != 10) {
      return nhsNumber;
    }
    return nhsNumber.substring(0, 3) + " " + nhsNumber.substring(3, 6) + " " + nhsNumber.substring(6);
  }
}

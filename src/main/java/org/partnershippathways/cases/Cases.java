package org.partnershippathways.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.stereotype.Service;

/**
 * The case: one person, from the first concern to closure or step-up. Every other capability reads and changes a
 * case only through this class; it is the only writer of {@code pathway_case} and {@code pathway_concern}.
 */
@Service
public class Cases implements CaseSummaries {

  /** The tables this capability alone writes. */
  public static final Set<String> OWN_TABLES = Set.of("pathway_case", "pathway_concern");

  private final CaseTable table;

  public Cases(DataSource dataSource) {
    this.table = new CaseTable(dataSource);
  }

  /** What the case holds that a partner request may draw on. */
  @Override
  public Optional<CaseSummary> summary(String caseId) {
    return table.summary(caseId);
  }

  public boolean exists(String caseId) {
    return table.exists(caseId);
  }

  /**
   * Waits for other intakes about someone who could be this person to commit, then holds them off until this
   * transaction ends, so that two concerns about the same new person arriving at the same moment (on any node) make
   * one case, not two. Concerns about other people do not wait ({@link IntakeStripes}).
   */
  public void lockIntake(PersonDetails person) {
    table.lockIntakeStripes(IntakeStripes.of(person));
  }

  /**
   * Open cases of the partnership about someone with the same NHS number, or the same name and date of birth; oldest
   * first. Another partnership's cases are never matched: each partnership holds its own record of a person.
   */
  public List<OpenCase> openCasesLike(PersonDetails person, String partnershipId) {
    return table.openCasesLike(person, partnershipId);
  }

  /**
   * Every case the partnerships hold about a person, open or not, oldest first: the same NHS number, or the same
   * family name and date of birth (subject access, erasure). Either may be null, not both.
   */
  public List<String> casesOfPerson(String nhsNumber, String familyName, LocalDate dateOfBirth,
      Collection<String> partnershipIds) {
    return partnershipIds.isEmpty() ? List.of()
        : table.casesOfPerson(nhsNumber, familyName, dateOfBirth, partnershipIds);
  }

  /** The partnership the case belongs to; empty for a case that does not exist. */
  public Optional<String> partnershipOf(String caseId) {
    return table.partnershipOf(caseId);
  }

  /** A concern recorded earlier under this idempotency key. */
  public Optional<StoredConcern> concernWithKey(String idempotencyKey) {
    return table.concernWithKey(idempotencyKey);
  }

  /** Opens a case for the person with its first concern; reference {@code PP-<year>-<6 digits>}. */
  public OpenedCase open(PersonDetails person, RaisedConcern concern, Instant now, ZoneId zone) {
    String caseId = UUID.randomUUID().toString();
    String reference = table.nextReference(LocalDate.ofInstant(now, zone).getYear());
    int earlierConcerns = table.countEarlierConcerns(person, concern.partnershipId());
    table.insertCase(caseId, reference, person, concern, now);
    String concernId = table.insertConcern(caseId, concern, false, now);
    return new OpenedCase(caseId, reference, concernId, earlierConcerns);
  }

  /** Records a further concern on an open case; returns the concern's id. */
  public String addConcern(String caseId, RaisedConcern concern, Instant now) {
    return table.insertConcern(caseId, concern, true, now);
  }

  public void linkProcessInstance(String caseId, String processInstanceId) {
    table.setProcessInstance(caseId, processInstanceId);
  }

  /** The case, while it is open. */
  public Optional<OpenCase> openCase(String caseId) {
    return table.openCase(caseId);
  }

  /** The case's concerns, oldest first, with their descriptions and referrers. */
  public List<ConcernDetails> concernDetails(String caseId) {
    return table.concernDetails(caseId);
  }

  /** Concerns about the same person on other cases, raised before this case was opened; newest first. */
  public List<EarlierConcern> earlierConcerns(String caseId) {
    return table.earlierConcerns(caseId);
  }

  /** The case's person may be the person of another open case: a coordinator links the two or keeps them apart. */
  public void markPossibleDuplicate(String caseId, String otherCaseId) {
    table.setPossibleDuplicateOf(caseId, otherCaseId);
  }

  public void recordDuplicateDecision(String caseId, DuplicateDecision decision, String reason, String decidedBy,
      Instant now) {
    table.setDuplicateDecision(caseId, decision, reason, decidedBy, now);
  }

  /** The concerns of a duplicate case join the other case; returns them. The caller closes the duplicate. */
  public List<RecordedConcern> moveConcerns(String fromCaseId, String toCaseId) {
    return table.moveConcerns(fromCaseId, toCaseId);
  }

  /** The triage a coordinator confirmed. */
  public void recordRisk(String caseId, String riskRating, String urgency) {
    table.setRisk(caseId, riskRating, urgency);
  }

  /** Ends the case: CLOSED or STEPPED_UP, with its outcome code. */
  public void close(String caseId, CaseStatus status, String closureOutcome, Instant now) {
    if (status == CaseStatus.OPEN) {
      throw new IllegalArgumentException("A case is closed as CLOSED or STEPPED_UP, not OPEN");
    }
    table.close(caseId, status, closureOutcome, now);
  }

  @Override
  public boolean restricted(String caseId) {
    return table.restricted(caseId);
  }

  /** Marks the case restricted (a Caldicott guardian's decision): the partner gateway refuses it from now on. */
  public void restrict(String caseId, String decisionId, Instant now) {
    table.restrict(caseId, decisionId, now);
  }

  /** The case's own process instance, if it has one. */
  public Optional<String> processInstanceId(String caseId) {
    return table.processInstanceId(caseId);
  }

  /**
   * Erases the case and its concerns (other cases that named it as a possible duplicate forget it); returns how many
   * rows went from each table. The caller has removed every other row about the case first.
   */
  public Map<String, Integer> erase(String caseId) {
    return table.erase(caseId);
  }
}

package org.partnershippathways.dataprotection;

import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code pathways.retention.*}: how long each kind of record is kept, counted from the case's closure (defaults and
 * where they come from: docs/data-protection.md), and how the purge runs.
 *
 * @param caseRecords the case and everything about it in our tables: concerns, triage, consent and lawful-basis
 *     decisions, information requests, partners' replies, meetings, actions, reviews
 * @param childUntilAge for a person who was a child when the case was raised, the records are kept at least until
 *     this birthday
 * @param disclosureLedger disclosure ledger rows, counted from the disclosure
 * @param subjectAccessAudit subject access audit rows, counted from the export
 * @param accessLog access log rows (who viewed what), counted from the read
 * @param purgeEvery how often each node tries to run the purge (one node runs it at a time)
 * @param purgeBatch at most this many cases (and ledger rows) per run
 */
@ConfigurationProperties("pathways.retention")
public record RetentionProperties(Period caseRecords, Integer childUntilAge, Period disclosureLedger,
    Period subjectAccessAudit, Period accessLog, Duration purgeEvery, Integer purgeBatch) {

  public RetentionProperties {
    caseRecords = caseRecords == null ? Period.ofYears(7) : caseRecords;
    childUntilAge = childUntilAge == null ? 25 : childUntilAge;
    disclosureLedger = disclosureLedger == null ? Period.ofYears(7) : disclosureLedger;
    subjectAccessAudit = subjectAccessAudit == null ? Period.ofYears(2) : subjectAccessAudit;
    accessLog = accessLog == null ? Period.ofYears(2) : accessLog;
    purgeEvery = purgeEvery == null ? Duration.ofHours(1) : purgeEvery;
    purgeBatch = purgeBatch == null ? 500 : purgeBatch;
  }
}

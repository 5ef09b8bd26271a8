package org.partnershippathways.partners;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * One link of the disclosure ledger: what a disclosure row says, the SHA-256 of the payload that went to the
 * partner, and the digest of the row before it. {@link #digest()} is the SHA-256 over all of it, written so that no
 * two different rows read the same (each value is preceded by its length, a missing one by -1); a change to any
 * column, or to the previous row, changes it.
 */
record LedgerEntry(String id, long position, String caseId, String partnerRequestId, String idempotencyKey,
    String agency, String requestType, String fieldsDisclosed, String basis, String sharingDecisionId,
    String legalGround, String sharingScope, String purpose, String disclosedBy, Instant disclosedAt,
    String payloadDigest, String previousDigest) {

  /** The previous digest of the first row ever written. */
  static final String GENESIS = "0".repeat(64);

  String digest() {
    StringBuilder canonical = new StringBuilder("disclosure-ledger-v1");
    for (Object value : List.of(id, position, nullable(caseId), nullable(partnerRequestId),
        nullable(idempotencyKey), nullable(agency), nullable(requestType), nullable(fieldsDisclosed), nullable(basis),
        nullable(sharingDecisionId), nullable(legalGround), nullable(sharingScope), nullable(purpose),
        nullable(disclosedBy), disclosedAt.toEpochMilli(), nullable(payloadDigest), nullable(previousDigest))) {
      String text = value == Missing.VALUE ? null : value.toString();
      canonical.append('|').append(text == null ? -1 : text.length()).append(':').append(text == null ? "" : text);
    }
    return PayloadDigest.of(canonical.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static Object nullable(Object value) {
    return value == null ? Missing.VALUE : value;
  }

  private enum Missing { VALUE }
}

package org.partnershippathways.cases;

/** A concern recorded earlier under an idempotency key, with the case it went to. */
public record StoredConcern(String concernId, String caseId, String reference, String processInstanceId,
    boolean joinedExistingCase, String requestHash) {
}

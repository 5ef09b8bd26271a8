package org.partnershippathways.intake;

/** The answer to a raised concern: the case it belongs to, and whether it joined the person's open case. */
public record ConcernReceipt(String concernId, String caseId, String caseReference, String processInstanceId,
    boolean joinedExistingCase) {
}

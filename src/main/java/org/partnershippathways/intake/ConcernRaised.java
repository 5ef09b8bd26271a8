package org.partnershippathways.intake;

/**
 * Published inside the transaction that recorded a concern (a listener that fails undoes the whole concern:
 * rows and process instance).
 */
record ConcernRaised(String concernId, String caseId, String caseReference, boolean joinedExistingCase) {
}

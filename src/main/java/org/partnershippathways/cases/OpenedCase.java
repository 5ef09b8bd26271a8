package org.partnershippathways.cases;

/** A case just opened with its first concern, not yet linked to its process instance. */
public record OpenedCase(String caseId, String reference, String concernId, int earlierConcerns) {
}

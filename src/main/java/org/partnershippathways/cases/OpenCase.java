package org.partnershippathways.cases;

/** An open case and the person it is about, as person matching compares it. */
public record OpenCase(String caseId, String reference, String processInstanceId, PersonDetails person) {
}

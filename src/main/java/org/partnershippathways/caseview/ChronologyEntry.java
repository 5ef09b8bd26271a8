package org.partnershippathways.caseview;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One line of a case's chronology, in words: when (dd/mm/yyyy hh:mm, UK time), what happened, its details (left
 * out where the reader may not see them), the agency it concerns and who recorded it. {@code kind} names the sort of
 * entry for programs (concern, triage, sharing, request, reply, meeting, action, reminder, escalation, review,
 * closure, data-protection).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ChronologyEntry(String when, String kind, String what, String detail, String agency, String by) {
}

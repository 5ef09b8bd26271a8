package org.partnershippathways.caseview;

import java.util.List;

/** A case's chronology: everything that happened on it that its reader may see, oldest first. */
record CaseChronology(String caseId, String reference, String shownAs, List<ChronologyEntry> entries) {
}

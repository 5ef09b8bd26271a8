package org.partnershippathways.sharing;

import java.time.Instant;

/** A reply of an agency to an information request. */
record PartnerResponseView(String id, String caseId, String agency, String summary, boolean holdsInformation,
    String respondedBy, String partnerReference, Instant receivedAt) {
}

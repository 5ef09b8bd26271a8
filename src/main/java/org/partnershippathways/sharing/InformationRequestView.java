package org.partnershippathways.sharing;

import java.time.Instant;

/** An information request to one agency, as the coordinator's review sees it. */
record InformationRequestView(String id, String caseId, String agency, InformationRequestStatus status,
    Instant requestedAt, Instant chasedAt, Instant closedAt) {
}

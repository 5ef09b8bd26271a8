package org.partnershippathways.sharing;

/** Where the information request to one agency stands. */
enum InformationRequestStatus {
  /** Sent; no reply yet. */
  WAITING,
  ANSWERED,
  /** The agency rejected the request and the coordinator skipped it. */
  SKIPPED,
  /** No reply after the reminder and the follow-up; the coordinator went on without it. */
  CLOSED_WITHOUT_REPLY,
  /** Ended without a reply for a reason given in {@code closed_reason}, e.g. the person withdrew consent. */
  ENDED
}

package org.partnershippathways.partners;

/** Where an outbound request stands (column {@code partner_request.status}). */
enum PartnerRequestStatus {
  /** An attempt is under way, or it ended without an answer we could record. */
  SENT,
  ACCEPTED,
  /** The partner refused it (4xx). */
  REJECTED,
  /** A fault worth retrying (timeout, refused connection, 5xx); the job retries. */
  FAILED
}

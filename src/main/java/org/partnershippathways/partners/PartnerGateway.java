package org.partnershippathways.partners;

/**
 * The one way anything about a case leaves the system to a partner agency. The gateway checks the recorded
 * consent or lawful basis, builds the minimum dataset that scope allows, writes the disclosure audit and hands
 * the request to the agency's adapter.
 */
interface PartnerGateway {

  /**
   * Sends the request. Safe to repeat: the same {@link PartnerRequest#idempotencyKey()} never creates a second
   * request at the partner.
   *
   * @throws PartnerUnavailableException for faults worth retrying (timeouts, refused connections, 5xx)
   * @throws PartnerRejectedException when the partner refused the request as it stands (4xx)
   * @throws SharingNotPermittedException when the case has no recorded consent or lawful basis for this request
   */
  PartnerReceipt send(PartnerRequest request);
}

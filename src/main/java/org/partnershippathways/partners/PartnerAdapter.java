package org.partnershippathways.partners;

import org.partnershippathways.security.Agency;

/**
 * Talks to one agency's system. Only {@link AuditedPartnerGateway} calls adapters, after the permission check and
 * the audit. An adapter sends {@link OutboundRequest#idempotencyKey()} with every request so that the partner
 * recognises a retry, and maps faults: transient ones to {@link PartnerUnavailableException}, a refusal (4xx) to
 * {@link PartnerRejectedException}.
 *
 * <p>The gateway first asks for the {@link #payload exact bytes} the adapter will send, keeps their SHA-256 in the
 * disclosure ledger, then has the adapter send those bytes and nothing else.
 */
public interface PartnerAdapter {

  /** The header that carries the SHA-256 (hex) of the payload, on the request and on the partner's acknowledgement. */
  String PAYLOAD_DIGEST_HEADER = "Payload-Digest";

  Agency agency();

  /** The exact body this adapter sends for the request. */
  byte[] payload(OutboundRequest request);

  /** Sends {@code payload} (made by {@link #payload}) for the request. */
  PartnerReceipt send(OutboundRequest request, byte[] payload);
}

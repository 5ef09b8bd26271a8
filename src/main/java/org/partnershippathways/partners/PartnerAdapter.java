package org.partnershippathways.partners;

import org.partnershippathways.security.Agency;

/**
 * Talks to one agency's system. Only {@link AuditedPartnerGateway} calls adapters, after the permission check and
 * the audit. An adapter sends {@link OutboundRequest#idempotencyKey()} with every request so that the partner
 * recognises a retry, and maps faults: transient ones to {@link PartnerUnavailableException}, a refusal (4xx) to
 * {@link PartnerRejectedException}.
 */
public interface PartnerAdapter {

  Agency agency();

  PartnerReceipt send(OutboundRequest request);
}

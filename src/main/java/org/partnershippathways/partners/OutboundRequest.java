package org.partnershippathways.partners;

import org.partnershippathways.consent.SharingPermission;

/**
 * What an adapter sends: the request, the minimum dataset, and the consent or lawful basis it goes under (null
 * only for requests that name nobody).
 */
public record OutboundRequest(PartnerRequest request, PartnerDataset dataset, SharingPermission permission) {

  public String idempotencyKey() {
    return request.idempotencyKey();
  }

  public String caseId() {
    return request.caseId();
  }
}

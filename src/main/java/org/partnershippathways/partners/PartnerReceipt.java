package org.partnershippathways.partners;

import java.time.Instant;

/**
 * The partner accepted the request: its own reference for it, when, and the SHA-256 of the payload as the partner
 * computed it over what it received (null when the partner does not echo it).
 */
public record PartnerReceipt(String partnerReference, Instant acceptedAt, String acknowledgedDigest) {

  public PartnerReceipt(String partnerReference, Instant acceptedAt) {
    this(partnerReference, acceptedAt, null);
  }
}

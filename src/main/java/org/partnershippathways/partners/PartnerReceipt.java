package org.partnershippathways.partners;

import java.time.Instant;

/** The partner accepted the request: its own reference for it, and when. */
public record PartnerReceipt(String partnerReference, Instant acceptedAt) {
}

package org.partnershippathways.partners;

/** A fault at or on the way to the partner that is worth retrying: timeout, connection refused, 5xx. */
class PartnerUnavailableException extends RuntimeException {

  public PartnerUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}

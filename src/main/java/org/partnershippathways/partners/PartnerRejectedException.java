package org.partnershippathways.partners;

/** The partner refused the request as it stands (4xx): retrying the same request will not help. */
class PartnerRejectedException extends RuntimeException {

  private final int status;

  public PartnerRejectedException(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }
}

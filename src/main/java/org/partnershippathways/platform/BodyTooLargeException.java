package org.partnershippathways.platform;

import java.io.IOException;

/** A request body went past {@link ApiLimits#maxBodySize()} while it was read; answered with 413. */
class BodyTooLargeException extends IOException {

  private final long limit;

  BodyTooLargeException(long limit) {
    super("The request body is larger than " + limit + " bytes");
    this.limit = limit;
  }

  long limit() {
    return limit;
  }
}

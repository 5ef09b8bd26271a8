package org.partnershippathways.sandbox;

import java.util.concurrent.ThreadLocalRandom;
import org.springframework.stereotype.Component;

/** The configured imperfections of the pretend partners: slow answers and a share of failures. */
@Component
record PartnerBehaviour(SandboxProperties properties) {

  /** Waits for the configured response delay; then tells whether this request should fail with a 503. */
  boolean delayThenFail() {
    if (!properties.responseDelay().isZero()) {
      try {
        Thread.sleep(properties.responseDelay().toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return properties.failureRate() > 0 && ThreadLocalRandom.current().nextDouble() < properties.failureRate();
  }
}

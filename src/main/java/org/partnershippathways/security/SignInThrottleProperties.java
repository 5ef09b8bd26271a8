package org.partnershippathways.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code pathways.security.sign-in-throttle}: how failed sign-ins slow down their client address
 * ({@link SignInThrottle}).
 *
 * @param freeFailures failed sign-ins an address may make before it is slowed down (default 10)
 * @param firstBlock how long it is refused after the first failure over those (default 1 s)
 * @param maxBlock the longest it is refused at a time (default, and at most, one minute)
 * @param forgetAfter how long after its last failure an address starts afresh (default 15 minutes)
 */
@ConfigurationProperties("pathways.security.sign-in-throttle")
public record SignInThrottleProperties(Integer freeFailures, Duration firstBlock, Duration maxBlock, Duration forgetAfter) {

  static final Duration ONE_MINUTE = Duration.ofMinutes(1);

  public SignInThrottleProperties {
    freeFailures = freeFailures == null ? 10 : freeFailures;
    firstBlock = firstBlock == null ? Duration.ofSeconds(1) : firstBlock;
    maxBlock = maxBlock == null || maxBlock.compareTo(ONE_MINUTE) > 0 ? ONE_MINUTE : maxBlock;
    forgetAfter = forgetAfter == null ? Duration.ofMinutes(15) : forgetAfter;
  }
}

package org.partnershippathways.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wrong passwords slow down the client address that sends them, never the user they name: after
 * {@code freeFailures} failed sign-ins an address is refused for {@code firstBlock}, doubled after every further
 * failure up to {@code maxBlock} (a minute). The counts are forgotten {@code forgetAfter} the last failure. Nothing
 * locks an account, so a stranger's flood keeps a genuine user out for at most {@code maxBlock}, and only when
 * they share the stranger's address.
 */
class SignInThrottle {

  private static final Logger LOG = LoggerFactory.getLogger(SignInThrottle.class);
  /** Addresses remembered at most: a flood from ever new addresses cannot fill the memory. */
  private static final long MAX_ADDRESSES = 100_000;

  private record Failures(int count, Instant blockedUntil) {
  }

  private final SignInThrottleProperties settings;
  private final Clock clock;
  private final Cache<String, Failures> failures;

  SignInThrottle(SignInThrottleProperties settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    this.failures = Caffeine.newBuilder()
        .expireAfterWrite(settings.forgetAfter())
        .maximumSize(MAX_ADDRESSES)
        .build();
  }

  /** How long the address is still refused; zero when it may try. */
  Duration refusedFor(String address) {
    Failures known = failures.getIfPresent(address);
    if (known == null || known.blockedUntil() == null) {
      return Duration.ZERO;
    }
    Duration left = Duration.between(clock.instant(), known.blockedUntil());
    return left.isNegative() ? Duration.ZERO : left;
  }

  /** Counts a failed sign-in; from the {@code freeFailures + 1}st on the address is refused for a while. */
  void failed(String address, String userName) {
    Failures now = failures.asMap().compute(address, (key, known) -> {
      int count = known == null ? 1 : known.count() + 1;
      int overFree = count - settings.freeFailures();
      Instant blockedUntil = overFree <= 0 ? null : clock.instant().plus(block(overFree));
      return new Failures(count, blockedUntil);
    });
    if (now.blockedUntil() == null) {
      LOG.info("Failed sign-in from {} as '{}' ({} of {} before the address is slowed down)", address, userName,
          now.count(), settings.freeFailures());
    } else {
      LOG.warn("Sign-ins from {} refused for {} s after {} failed sign-ins (the last as '{}'); no account is locked",
          address, block(now.count() - settings.freeFailures()).toSeconds(), now.count(), userName);
    }
  }

  /** The block after the n-th failure over the free ones: firstBlock, doubled each time, at most maxBlock. */
  Duration block(int overFree) {
    Duration block = settings.firstBlock();
    for (int i = 1; i < overFree && block.compareTo(settings.maxBlock()) < 0; i++) {
      block = block.multipliedBy(2);
    }
    return block.compareTo(settings.maxBlock()) > 0 ? settings.maxBlock() : block;
  }
}

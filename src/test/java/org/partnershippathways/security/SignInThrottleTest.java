package org.partnershippathways.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

  final MovableClock clock = new MovableClock();
  final SignInThrottle throttle = new SignInThrottle(new SignInThrottleProperties(null, null, null, null), clock);

  @Test
  void tenFailuresAreFreeThenTheAddressIsRefusedForASecondDoubledEachTime() {
    for (int i = 0; i < 10; i++) {
      throttle.failed("192.0.2.1", "someone");
      assertThat(throttle.refusedFor("192.0.2.1")).isZero();
    }
    throttle.failed("192.0.2.1", "someone");
    assertThat(throttle.refusedFor("192.0.2.1")).isEqualTo(Duration.ofSeconds(1));
    clock.move(Duration.ofSeconds(1));
    assertThat(throttle.refusedFor("192.0.2.1")).isZero();
    throttle.failed("192.0.2.1", "someone");
    assertThat(throttle.refusedFor("192.0.2.1")).isEqualTo(Duration.ofSeconds(2));
    assertThat(throttle.refusedFor("192.0.2.2")).as("another address").isZero();
  }

  @Test
  void neverMoreThanAMinuteHoweverLongTheFlood() {
    assertThat(throttle.block(1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(throttle.block(6)).isEqualTo(Duration.ofSeconds(32));
    assertThat(throttle.block(7)).isEqualTo(Duration.ofMinutes(1));
    assertThat(throttle.block(1_000_000)).isEqualTo(Duration.ofMinutes(1));
    assertThat(new SignInThrottleProperties(5, null, Duration.ofHours(1), null).maxBlock())
        .as("a longer setting is cut to a minute").isEqualTo(Duration.ofMinutes(1));
  }

  static final class MovableClock extends Clock {

    private Instant now = Instant.parse("2026-12-03T20:00:00Z");

    void move(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}

package org.partnershippathways.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The back-off between attempts: first-retry, doubled after each failure, never longer than max-retry. */
class OutboxSenderTest {

  @Test
  void waitsDoubleAfterEachFailureUpToTheLongestWait() {
    NotificationsProperties properties = new NotificationsProperties("smtp", null, null, Map.of(), null, null, 8,
        Duration.ofSeconds(30), Duration.ofMinutes(5), null, null);
    Notifier notifier = new Notifier() {
      @Override
      public void send(OutgoingMail mail) {
      }

      @Override
      public String channel() {
        return "test";
      }
    };
    OutboxSender sender = new OutboxSender(mock(OutboxTable.class), notifier, properties, new SimpleMeterRegistry(),
        Clock.systemUTC());

    assertThat(sender.wait(1)).isEqualTo(Duration.ofSeconds(30));
    assertThat(sender.wait(2)).isEqualTo(Duration.ofMinutes(1));
    assertThat(sender.wait(4)).isEqualTo(Duration.ofMinutes(4));
    assertThat(sender.wait(5)).isEqualTo(Duration.ofMinutes(5));
    assertThat(sender.wait(30)).isEqualTo(Duration.ofMinutes(5));
  }
}

package org.partnershippathways.notifications;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Sends the outbox, every {@code pathways.notifications.send-every}, on every node: each row is claimed first (see
 * {@link OutboxTable}), so no two nodes send it. A failed attempt is tried again after {@code first-retry}, doubled
 * each time up to {@code max-retry}; after {@code max-attempts} the row is given up as {@code FAILED}, logged as an
 * error, counted in the health check ({@link OutboxHealth}) and in the metric
 * {@code pathways_notifications_outbox{status="failed"}}. An e-mail is sent at least once: a node that stops
 * between the mail server's acceptance and the row's update sends it again after its claim runs out.
 */
class OutboxSender {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);

  private final OutboxTable outbox;
  private final Notifier notifier;
  private final NotificationsProperties properties;
  private final Counter sent;
  private final Counter failedAttempts;
  private final String senderId = "sender-" + UUID.randomUUID();
  private final Clock clock;

  OutboxSender(OutboxTable outbox, Notifier notifier, NotificationsProperties properties, MeterRegistry meters,
      Clock clock) {
    this.outbox = outbox;
    this.notifier = notifier;
    this.properties = properties;
    this.clock = clock;
    this.sent = Counter.builder("pathways.notifications.sent").description("E-mails sent")
        .tag("channel", notifier.channel()).register(meters);
    this.failedAttempts = Counter.builder("pathways.notifications.failed.attempts")
        .description("Attempts to send an e-mail that failed (each is tried again, up to max-attempts)")
        .tag("channel", notifier.channel()).register(meters);
  }

  @Scheduled(fixedDelayString = "${pathways.notifications.send-every:5s}", initialDelayString = "1s")
  void sendDue() {
    Instant now = clock.instant();
    for (String id : outbox.due(now, properties.batchSize())) {
      if (outbox.claim(id, senderId, now, now.plus(properties.claimFor()))) {
        send(outbox.row(id));
      }
    }
  }

  private void send(OutboxTable.Row row) {
    try {
      notifier.send(new OutgoingMail(row.id(), row.recipient(), row.subject(), row.body()));
      outbox.sent(row.id(), senderId, clock.instant());
      sent.increment();
    } catch (Exception e) {
      failedAttempts.increment();
      int attempts = row.attempts() + 1;
      boolean giveUp = attempts >= properties.maxAttempts();
      String error = e.getClass().getSimpleName() + ": " + e.getMessage();
      Instant next = clock.instant().plus(wait(attempts));
      outbox.attemptFailed(row.id(), senderId, error, next, giveUp);
      if (giveUp) {
        LOG.error("E-mail {} ({}) given up after {} attempts through {}: {}", row.id(), row.subject(), attempts,
            notifier.channel(), error);
      } else {
        LOG.warn("E-mail {} not sent through {} (attempt {} of {}), tried again at {}: {}", row.id(),
            notifier.channel(), attempts, properties.maxAttempts(), next, error);
      }
    }
  }

  /** The wait after the {@code attempts}-th failure: first-retry, doubled each time, at most max-retry. */
  Duration wait(int attempts) {
    Duration wait = properties.firstRetry();
    for (int i = 1; i < attempts && wait.compareTo(properties.maxRetry()) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(properties.maxRetry()) > 0 ? properties.maxRetry() : wait;
  }
}

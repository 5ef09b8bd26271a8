package org.partnershippathways.notifications;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Health check {@code notifications}: WARNING (still 200) when e-mails were given up after their last attempt; the
 * metric {@code pathways_notifications_outbox{status=waiting|sent|failed}} counts the outbox's rows.
 */
class OutboxHealth implements HealthIndicator {

  static final Status WARNING = new Status("WARNING", "E-mails were given up after their last attempt: see the log");
  private static final List<String> STATUSES = List.of(OutboxTable.WAITING, OutboxTable.SENT, OutboxTable.FAILED);

  private final OutboxTable outbox;
  private final MultiGauge rows;

  OutboxHealth(OutboxTable outbox, MeterRegistry meters) {
    this.outbox = outbox;
    this.rows = MultiGauge.builder("pathways.notifications.outbox").description("E-mails in the outbox by status")
        .register(meters);
  }

  @Override
  public Health health() {
    long failed = outbox.countsByStatus().getOrDefault(OutboxTable.FAILED, 0L);
    return failed > 0 ? Health.status(WARNING).build() : Health.up().build();
  }

  @Scheduled(initialDelayString = "10s", fixedDelayString = "${pathways.notifications.metrics-refresh:1m}")
  void refreshMetrics() {
    Map<String, Long> counts = outbox.countsByStatus();
    rows.register(STATUSES.stream().map(status -> MultiGauge.Row.of(Tags.of("status",
        status.toLowerCase(Locale.ROOT)), counts.getOrDefault(status, 0L))).toList(), true);
  }
}

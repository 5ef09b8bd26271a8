package org.partnershippathways.timings;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The live figures as Prometheus gauges. They are recomputed by a scheduled job (every minute by default), not
 * on each scrape, so that many scrapers or a short scrape interval do not load the database.
 */
@Component
class TimingsMetrics {

  static final String IN_PROGRESS = "pathways.stage.cases.in.progress";
  static final String PAST_TARGET = "pathways.stage.cases.past.target";
  static final String OVERDUE_ACTIONS = "pathways.actions.overdue";
  static final String ESCALATED_ACTIONS = "pathways.actions.escalated";
  static final String MEETINGS_SCHEDULED_LATE = "pathways.meetings.scheduled.late";

  private static final Logger LOG = LoggerFactory.getLogger(TimingsMetrics.class);

  private final TimingsService timings;
  private final MultiGauge inProgress;
  private final MultiGauge pastTarget;
  private final MultiGauge overdueActions;
  private final MultiGauge escalatedActions;
  private final AtomicInteger meetingsScheduledLate = new AtomicInteger();

  TimingsMetrics(TimingsService timings, MeterRegistry registry) {
    this.timings = timings;
    inProgress = MultiGauge.builder(IN_PROGRESS)
        .description("Cases in each pathway stage now").register(registry);
    pastTarget = MultiGauge.builder(PAST_TARGET)
        .description("Cases in each stage past its target timescale").register(registry);
    overdueActions = MultiGauge.builder(OVERDUE_ACTIONS)
        .description("Open actions past their due date, per agency").register(registry);
    escalatedActions = MultiGauge.builder(ESCALATED_ACTIONS)
        .description("Open escalated actions, per agency").register(registry);
    Gauge.builder(MEETINGS_SCHEDULED_LATE, meetingsScheduledLate, AtomicInteger::get)
        .description("Meetings scheduled for after the due date triage set (a breach of the timescale), scheduled"
            + " in the timings' default period")
        .register(registry);
  }

  @Scheduled(initialDelayString = "PT10S", fixedDelayString = "${pathways.timings.metrics-refresh:PT1M}")
  void refresh() {
    try {
      TimingsService.LiveFigures figures = timings.liveFigures();
      register(inProgress, "stage", figures.inProgress());
      register(pastTarget, "stage", figures.pastTarget());
      register(overdueActions, "agency", figures.overdueActions());
      register(escalatedActions, "agency", figures.escalatedActions());
      meetingsScheduledLate.set(figures.meetingsScheduledLate());
    } catch (RuntimeException e) {
      LOG.warn("Pathway timing gauges not refreshed: {}", e.toString());
    }
  }

  private static void register(MultiGauge gauge, String tag, Map<String, Integer> values) {
    gauge.register(values.entrySet().stream()
        .map(entry -> MultiGauge.Row.of(Tags.of(tag, entry.getKey()), entry.getValue()))
        .toList(), true);
  }
}

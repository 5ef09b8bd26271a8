package org.partnershippathways.consent;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.partnershippathways.calendar.UkDates;
import org.partnershippathways.calendar.WorkingDayCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Before a consent or lawful basis ends, the coordinators get the task "Renew the consent or let sharing end"
 * (process {@code consent-renewal}): checked every {@code pathways.consent.renewal-check} (default hourly) for
 * decisions in force that end within {@code pathways.consent.renewal-notice} (default 14 days). Each decision is
 * asked about once, whichever node marks it first.
 */
@Component
class ConsentRenewals {

  static final String PROCESS = "consent-renewal";
  private static final Logger LOG = LoggerFactory.getLogger(ConsentRenewals.class);

  private final SharingDecisions decisions;
  private final JdbcClient jdbc;
  private final RuntimeService runtime;
  private final TransactionOperations transactions;
  private final ZoneId zone;
  private final Duration notice;

  ConsentRenewals(SharingDecisions decisions, JdbcClient jdbc, RuntimeService runtime,
      TransactionOperations transactions, WorkingDayCalendar calendar,
      @Value("${pathways.consent.renewal-notice:14d}") Duration notice) {
    this.decisions = decisions;
    this.jdbc = jdbc;
    this.runtime = runtime;
    this.transactions = transactions;
    this.zone = calendar.zone();
    this.notice = notice;
  }

  @Scheduled(fixedDelayString = "${pathways.consent.renewal-check:1h}", initialDelayString = "1m")
  void askForRenewals() {
    askForRenewalsDueBy(ClockUtil.getCurrentTime().toInstant());
  }

  /** Starts a renewal for every decision in force ending within the notice period; returns how many. */
  int askForRenewalsDueBy(Instant now) {
    int asked = 0;
    for (SharingDecision decision : decisions.endingWithoutRenewalAsked(now.plus(notice))) {
      Boolean started = transactions.execute(status -> decisions.markRenewalAsked(decision.id(), now)
          && start(decision));
      if (Boolean.TRUE.equals(started)) {
        asked++;
      }
    }
    return asked;
  }

  private boolean start(SharingDecision decision) {
    String reference = jdbc.sql("select reference from pathway_case where id = :id").param("id", decision.caseId())
        .query(String.class).optional().orElse(null);
    Instant end = decision.coverage().validUntil();
    runtime.startProcessInstanceByKey(PROCESS, reference, Variables.putValue("caseId", decision.caseId())
        .putValue("caseReference", reference)
        .putValue("sharingDecisionId", decision.id())
        .putValue("consentValidUntil", Date.from(end))
        .putValue("consentLastDay", UkDates.day(end.minusSeconds(1).atZone(zone).toLocalDate())));
    LOG.info("Case {}: the consent or lawful basis {} ends on {}; coordinators asked to renew or close it", reference,
        decision.id(), end);
    return true;
  }
}

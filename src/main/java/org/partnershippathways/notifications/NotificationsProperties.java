package org.partnershippathways.notifications;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code pathways.notifications}: how staff are told by e-mail ({@link Notifications}).
 *
 * @param channel {@code smtp}, {@code govuk-notify} or {@code off} (default: off, nothing is written or sent)
 * @param from the sender's address of SMTP mail
 * @param linkBase the address people open the application at, e.g. https://pathways.example.gov.uk (links to
 *     Tasklist start with it)
 * @param groupMailboxes a group's own mailbox, e.g. {@code police: safeguarding-hub@police.example}: then the group's
 *     e-mails go there instead of to each member
 * @param sendEvery how often the outbox is sent (default 5 s)
 * @param batchSize rows a sender takes at a time (default 20)
 * @param maxAttempts attempts per e-mail before it is given up as failed (default 8)
 * @param firstRetry the wait before the second attempt, doubled after each further failure (default 30 s)
 * @param maxRetry the longest wait between attempts (default 1 h)
 * @param claimFor how long a sender's claim on a row lasts, should it stop while sending (default 2 min)
 * @param govukNotify GOV.UK Notify's API key (from the environment, never a file) and e-mail template
 */
@ConfigurationProperties("pathways.notifications")
public record NotificationsProperties(String channel, String from, String linkBase, Map<String, String> groupMailboxes,
    Duration sendEvery, Integer batchSize, Integer maxAttempts, Duration firstRetry, Duration maxRetry,
    Duration claimFor, GovUkNotify govukNotify) {

  public NotificationsProperties {
    channel = channel == null || channel.isBlank() ? "off" : channel.strip();
    from = from == null || from.isBlank() ? "pathways@localhost" : from.strip();
    linkBase = linkBase == null || linkBase.isBlank() ? "http://localhost:8080" : linkBase.strip().replaceAll("/+$", "");
    groupMailboxes = groupMailboxes == null ? Map.of() : Map.copyOf(groupMailboxes);
    sendEvery = sendEvery == null ? Duration.ofSeconds(5) : sendEvery;
    batchSize = batchSize == null ? 20 : batchSize;
    maxAttempts = maxAttempts == null ? 8 : maxAttempts;
    firstRetry = firstRetry == null ? Duration.ofSeconds(30) : firstRetry;
    maxRetry = maxRetry == null ? Duration.ofHours(1) : maxRetry;
    claimFor = claimFor == null ? Duration.ofMinutes(2) : claimFor;
    govukNotify = govukNotify == null ? new GovUkNotify(null, null, null) : govukNotify;
  }

  /**
   * @param apiKey the service's API key (PATHWAYS_NOTIFY_API_KEY)
   * @param templateId an e-mail template whose subject is {@code ((subject))} and whose body is {@code ((body))}
   * @param baseUrl Notify's API (default: GOV.UK Notify's own)
   */
  public record GovUkNotify(String apiKey, String templateId, String baseUrl) {
  }
}

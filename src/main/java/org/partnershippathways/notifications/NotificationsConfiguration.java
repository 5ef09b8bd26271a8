package org.partnershippathways.notifications;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.partnershippathways.platform.StartupSettingException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import uk.gov.service.notify.NotificationClient;

/**
 * The notifier chosen by {@code pathways.notifications.channel}: {@code smtp} (Spring Mail, {@code spring.mail.*}),
 * {@code govuk-notify} (GOV.UK Notify, its API key from PATHWAYS_NOTIFY_API_KEY) or {@code off}; and, unless off,
 * the outbox's sender and health check. A channel without what it needs stops the start with a sentence saying
 * which setting is missing.
 */
@Configuration
class NotificationsConfiguration {

  static final String ON = "'${pathways.notifications.channel:off}' != 'off'";

  @Bean
  @ConditionalOnExpression(ON)
  Notifier notifier(NotificationsProperties properties, ObjectProvider<JavaMailSender> mailSender) {
    return switch (properties.channel()) {
      case "smtp" -> new SmtpNotifier(mailSender.getIfAvailable(() -> {
        throw new StartupSettingException("E-mail by SMTP is chosen (pathways.notifications.channel=smtp) but no"
            + " mail server is set.", "Set spring.mail.host (PATHWAYS_SMTP_HOST) and spring.mail.port, or choose"
            + " another channel.");
      }), properties.from());
      case "govuk-notify" -> govUkNotify(properties.govukNotify());
      default -> throw new StartupSettingException("pathways.notifications.channel is '" + properties.channel()
          + "'.", "Set it to smtp, govuk-notify or off.");
    };
  }

  private static Notifier govUkNotify(NotificationsProperties.GovUkNotify settings) {
    if (blank(settings.apiKey()) || blank(settings.templateId())) {
      throw new StartupSettingException("E-mail by GOV.UK Notify is chosen but its API key or template is missing.",
          "Set PATHWAYS_NOTIFY_API_KEY (in the environment, never in a file) and PATHWAYS_NOTIFY_TEMPLATE_ID.");
    }
    NotificationClient client;
    try {
      client = blank(settings.baseUrl()) ? new NotificationClient(settings.apiKey())
          : new NotificationClient(settings.apiKey(), settings.baseUrl());
    } catch (RuntimeException e) {
      throw new StartupSettingException("The GOV.UK Notify API key is not one Notify gave out.",
          "Copy the whole key from Notify's API integration page into PATHWAYS_NOTIFY_API_KEY.");
    }
    return new GovUkNotifyNotifier(client, settings.templateId());
  }

  @Bean
  @ConditionalOnExpression(ON)
  OutboxSender outboxSender(OutboxTable outbox, Notifier notifier, NotificationsProperties properties,
      MeterRegistry meters) {
    return new OutboxSender(outbox, notifier, properties, meters, Clock.systemUTC());
  }

  @Bean
  OutboxHealth notificationsHealthIndicator(OutboxTable outbox, MeterRegistry meters) {
    return new OutboxHealth(outbox, meters);
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}

package org.partnershippathways.notifications;

import java.util.Map;
import uk.gov.service.notify.NotificationClientApi;

/**
 * E-mails through GOV.UK Notify, with its Java client. Notify sends from a template: ours has subject
 * {@code ((subject))} and body {@code ((body))}, so the wording stays in this application; the outbox row's id goes
 * with each e-mail as Notify's reference.
 */
record GovUkNotifyNotifier(NotificationClientApi client, String templateId) implements Notifier {

  @Override
  public void send(OutgoingMail mail) throws Exception {
    client.sendEmail(templateId, mail.recipient(), Map.of("subject", mail.subject(), "body", mail.body()),
        mail.reference());
  }

  @Override
  public String channel() {
    return "govuk-notify";
  }
}

package org.partnershippathways.notifications;

/** Where e-mails leave the application: SMTP or GOV.UK Notify ({@code pathways.notifications.channel}). */
interface Notifier {

  /** Sends the e-mail, or throws: the outbox then tries again later. */
  void send(OutgoingMail mail) throws Exception;

  /** How the channel is named in logs and the health check. */
  String channel();
}

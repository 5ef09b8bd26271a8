package org.partnershippathways.notifications;

/**
 * One e-mail to one address. {@code reference} is the outbox row's id: GOV.UK Notify keeps it with the e-mail, and
 * it appears in the SMTP headers, so a resent e-mail can be recognised.
 */
record OutgoingMail(String reference, String recipient, String subject, String body) {
}

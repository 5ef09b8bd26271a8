package org.partnershippathways.notifications;

/** What an e-mail says: its subject and its plain-text body. */
record MailText(String subject, String body) {
}

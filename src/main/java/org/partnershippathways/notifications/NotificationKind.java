package org.partnershippathways.notifications;

/** Why staff are told: one word each in the outbox, a plain sentence in the e-mail. */
enum NotificationKind {
  ACTION_ASSIGNED,
  ACTION_REMINDER,
  ACTION_ESCALATED,
  PARTNER_REFUSED,
  STATUTORY_REFERRAL_OVERDUE
}

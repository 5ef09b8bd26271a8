package org.partnershippathways.notifications;

import java.time.LocalDate;
import org.partnershippathways.calendar.UkDates;

/**
 * The words of each e-mail: the case reference, what happened, the due day (dd/mm/yyyy) and a link to Tasklist.
 * Only references, agencies and days are given to it, so no e-mail can carry the person's name, date of birth, NHS
 * number, address or the concern's description.
 */
final class MailWording {

  static final String FOOTER = "This e-mail has no personal details on purpose: sign in to see the case.\n\n"
      + "Partnership Pathways";

  private MailWording() {
  }

  static MailText actionAssigned(String reference, String agency, LocalDate due, String tasklist) {
    return mail(reference + ": a new action for " + agency + ", due " + UkDates.day(due),
        "Case " + reference + " has a new action for " + agency + ". It is due on " + UkDates.day(due) + ".",
        tasklist);
  }

  static MailText actionReminder(String reference, String agency, LocalDate due, String tasklist) {
    return mail(reference + ": reminder, an action for " + agency + " is due on " + UkDates.day(due),
        "Reminder: the action for " + agency + " on case " + reference + " is due on " + UkDates.day(due)
            + " and is not complete yet.", tasklist);
  }

  static MailText actionEscalated(String reference, String agency, LocalDate due, boolean pathwayManagers,
      String tasklist) {
    String who = pathwayManagers ? "the pathway managers" : "the managers of " + agency;
    return mail(reference + ": overdue action for " + agency + " (due " + UkDates.day(due) + ")",
        "The action for " + agency + " on case " + reference + " was due on " + UkDates.day(due)
            + " and is not complete. It has been escalated to " + who + ": please follow it up.", tasklist);
  }

  static MailText partnerRefused(String reference, String agency, String tasklist) {
    return mail(reference + ": " + agency + " refused a request",
        agency + "'s system refused a request about case " + reference
            + ". A coordinator needs to resolve it: ask again, or tell them another way.", tasklist);
  }

  static MailText statutoryReferralOverdue(String reference, String tasklist) {
    return mail(reference + ": statutory referral not decided in time",
        "The statutory safeguarding referral for case " + reference + " (immediate risk) has not been decided in"
            + " time. Please get it decided now.", tasklist);
  }

  private static MailText mail(String subject, String happened, String tasklist) {
    return new MailText(subject, happened + "\n\nOpen your tasks in Tasklist: " + tasklist + "\n\n" + FOOTER);
  }
}

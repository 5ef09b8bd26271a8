package org.partnershippathways.consent;

/**
 * What a consent or lawful basis lets partners be told about (Caldicott 1: justify the purpose). Every request to a
 * partner serves one purpose; the gateway sends it only when the decision in force covers that purpose.
 */
public enum SharingPurpose {
  /** Asking the agencies what they know about the person, and reminders. */
  INFORMATION_GATHERING("finding out what the agencies know"),
  /** Telling agencies of an immediate risk, statutory safeguarding referrals. */
  SAFEGUARDING("safeguarding: immediate risk and statutory referrals"),
  /** Multi-agency meetings, their action plans and referrals to an agency's services. */
  MEETINGS_AND_ACTIONS("multi-agency meetings, action plans and service referrals"),
  /** Telling agencies how the case went on: closure, withdrawal of consent. */
  CASE_UPDATES("telling agencies how the case went on");

  private final String words;

  SharingPurpose(String words) {
    this.words = words;
  }

  public String words() {
    return words;
  }
}

package org.partnershippathways.consent;

/** What the coordinator found when seeking the person's consent to share. */
enum ConsentStatus {
  GIVEN,
  REFUSED,
  /** Consent cannot be sought or given, for example the person lacks capacity or cannot be reached. */
  NOT_POSSIBLE,
  /** Seeking consent would put the person or others at greater risk. */
  WOULD_INCREASE_RISK,
  /** The person withdrew the consent given before: nothing more is shared on it. */
  WITHDRAWN
}

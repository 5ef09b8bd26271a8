package org.partnershippathways.intake;

/** What a concern is about; one concern may name several. */
enum ConcernCategory {
  MENTAL_HEALTH,
  SUBSTANCE_MISUSE,
  DOMESTIC_ABUSE,
  EXPLOITATION,
  ANTI_SOCIAL_BEHAVIOUR,
  HOUSING,
  ADVERSE_CHILDHOOD_EXPERIENCES,
  MISSING_EPISODES
}

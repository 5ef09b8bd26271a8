package org.partnershippathways.intake;

import java.util.Arrays;

/** What a concern is about; one concern may name several. */
public enum ConcernCategory {
  MENTAL_HEALTH("Mental health"),
  SUBSTANCE_MISUSE("Substance misuse"),
  DOMESTIC_ABUSE("Domestic abuse"),
  EXPLOITATION("Exploitation"),
  ANTI_SOCIAL_BEHAVIOUR("Anti-social behaviour"),
  HOUSING("Housing"),
  ADVERSE_CHILDHOOD_EXPERIENCES("Adverse childhood experiences"),
  MISSING_EPISODES("Missing episodes");

  private final String words;

  ConcernCategory(String words) {
    this.words = words;
  }

  /** The category as the raise-a-concern form names it, for a category's code. */
  public static String wordsFor(String code) {
    return Arrays.stream(values()).filter(category -> category.name().equals(code)).findFirst()
        .map(category -> category.words).orElse(code);
  }
}

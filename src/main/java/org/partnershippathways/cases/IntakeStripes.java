package org.partnershippathways.cases;

import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which rows of {@code pathway_intake_stripe} an intake locks: one for the person's NHS number, one for their name
 * and date of birth, the two ways {@link CaseTable#openCasesLike} finds someone alike. Two concerns that could be
 * about the same person share a stripe and take turns; concerns about other people almost always lock other
 * stripes and go on at once. The stripes are numbers, so the lock table holds nothing about anyone.
 */
final class IntakeStripes {

  /** As many rows as db/changelog/350-intake-stripes.xml makes. */
  static final int COUNT = 1024;

  private IntakeStripes() {
  }

  static SortedSet<Integer> of(PersonDetails person) {
    SortedSet<Integer> stripes = new TreeSet<>();
    if (person.nhsNumber() != null) {
      stripes.add(stripe("nhs:" + person.nhsNumber()));
    }
    stripes.add(stripe("person:" + lower(person.givenName()) + "|" + lower(person.familyName()) + "|"
        + person.dateOfBirth()));
    return stripes;
  }

  private static int stripe(String key) {
    // String.hashCode is defined by the language, so every node computes the same stripe
    return Math.floorMod(key.hashCode(), COUNT);
  }

  private static String lower(String value) {
    return value == null ? "" : value.toLowerCase(Locale.ROOT);
  }
}

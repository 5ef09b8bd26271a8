package org.partnershippathways.testsupport;

import java.util.stream.Collectors;

/** People's names for tests: names may hold letters only, so a run's random suffix is spelt in letters. */
public final class TestNames {

  private TestNames() {
  }

  /** The text spelt in lower-case letters, one letter for each character. */
  public static String inLetters(String text) {
    return text.chars().mapToObj(c -> String.valueOf((char) ('a' + c % 26))).collect(Collectors.joining());
  }
}

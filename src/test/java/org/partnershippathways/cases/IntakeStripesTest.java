package org.partnershippathways.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class IntakeStripesTest {

  private static PersonDetails person(String given, String family, String dob, String nhs) {
    return new PersonDetails(given, family, LocalDate.parse(dob), nhs, null, false);
  }

  @Test
  void anyTwoConcernsThatIntakeCouldMatchShareAStripe() {
    PersonDetails alex = person("Alex", "Smith", "2011-04-23", "9434765919");
    // the same NHS number under another name; the same name and birthday with no NHS number; another case of letters
    assertThat(IntakeStripes.of(person("Sam", "Jones", "2010-01-01", "9434765919"))).containsAnyElementsOf(
        IntakeStripes.of(alex));
    assertThat(IntakeStripes.of(person("Alex", "Smith", "2011-04-23", null))).containsAnyElementsOf(
        IntakeStripes.of(alex));
    assertThat(IntakeStripes.of(person("ALEX", "smith", "2011-04-23", null))).containsAnyElementsOf(
        IntakeStripes.of(alex));
  }

  @Test
  void stripesAreFewNumbersWithinTheTable() {
    assertThat(IntakeStripes.of(person("Alex", "Smith", "2011-04-23", "9434765919"))).hasSizeBetween(1, 2)
        .allSatisfy(stripe -> assertThat(stripe).isBetween(0, IntakeStripes.COUNT - 1));
    assertThat(IntakeStripes.of(person("Alex", "Smith", "2011-04-23", null))).hasSize(1);
  }
}

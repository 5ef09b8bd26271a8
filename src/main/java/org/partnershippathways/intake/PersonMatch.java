package org.partnershippathways.intake;

import java.util.List;
import java.util.Optional;
import org.partnershippathways.cases.OpenCase;
import org.partnershippathways.cases.PersonDetails;

/** Whether a concern is about the person of an open case, and so joins it. */
final class PersonMatch {

  private PersonMatch() {
  }

  /** The oldest of the candidates (open cases with the same NHS number, or the same name and date of birth). */
  static Optional<OpenCase> openCaseOf(PersonDetails person, List<OpenCase> candidates) {
    return candidates.stream().findFirst();
  }
}

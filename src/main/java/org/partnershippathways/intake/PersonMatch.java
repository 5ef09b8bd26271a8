package org.partnershippathways.intake;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.partnershippathways.cases.OpenCase;
import org.partnershippathways.cases.PersonDetails;

/**
 * Whether a concern is about the person of an open case. It joins that case only when the NHS number agrees and so
 * does the family name or the date of birth. A concern whose person is only like an open case's (the same NHS
 * number with a different name and date of birth, or the same name and date of birth without the same NHS
 * number) opens a case of its own, marked as a possible duplicate for a coordinator to link or keep apart.
 *
 * @param sameCase the open case the concern joins
 * @param possibleDuplicateOf the open case the new case may duplicate
 */
record PersonMatch(Optional<OpenCase> sameCase, Optional<OpenCase> possibleDuplicateOf) {

  /** Compares the person with open cases of someone alike (oldest first). */
  static PersonMatch of(PersonDetails person, List<OpenCase> alike) {
    Optional<OpenCase> same = alike.stream().filter(candidate -> samePerson(person, candidate.person())).findFirst();
    return same.isPresent() ? new PersonMatch(same, Optional.empty())
        : new PersonMatch(Optional.empty(), alike.stream().findFirst());
  }

  static boolean samePerson(PersonDetails person, PersonDetails other) {
    return person.nhsNumber() != null && person.nhsNumber().equals(other.nhsNumber())
        && (person.familyName().equalsIgnoreCase(other.familyName())
            || Objects.equals(person.dateOfBirth(), other.dateOfBirth()));
  }
}

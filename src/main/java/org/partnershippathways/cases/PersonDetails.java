package org.partnershippathways.cases;

import java.time.LocalDate;

/** The person a concern is about, as recorded at intake. */
public record PersonDetails(String givenName, String familyName, LocalDate dateOfBirth, String nhsNumber,
    String address, boolean child) {
}

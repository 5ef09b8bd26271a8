package org.partnershippathways.intake;

import java.util.List;

/**
 * A concern as it arrives over the API or from the Tasklist start form, before validation: every field may be
 * missing or wrong, {@link ConcernValidator} says which.
 */
public record ConcernRequest(Referrer referrer, Person person, List<String> concernCategories, String description,
    Boolean immediateRisk, Boolean consentObtained) {

  /** Who raised the concern; {@code agency} is an agency group id such as {@code police}, or another organisation. */
  public record Referrer(String name, String agency, String contact) {
  }

  /** The person the concern is about; {@code dateOfBirth} as ISO date (yyyy-MM-dd). */
  public record Person(String givenName, String familyName, String dateOfBirth, String nhsNumber, String address,
      Boolean child) {
  }
}

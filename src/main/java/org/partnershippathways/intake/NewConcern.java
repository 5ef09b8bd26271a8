package org.partnershippathways.intake;

import java.util.List;

/** A concern that passed validation. */
public record NewConcern(ReferrerDetails referrer, PersonDetails person, List<ConcernCategory> categories,
    String description, boolean immediateRisk, boolean consentObtained) {

  public record ReferrerDetails(String name, String agency, String contact) {
  }

  public List<String> categoryNames() {
    return categories.stream().map(Enum::name).toList();
  }
}

package org.partnershippathways.intake;

import java.util.List;
import org.partnershippathways.cases.PersonDetails;
import org.partnershippathways.cases.RaisedConcern;
import org.partnershippathways.cases.Referrer;

/** A concern that passed validation. */
record NewConcern(Referrer referrer, PersonDetails person, List<ConcernCategory> categories,
    String description, boolean immediateRisk, boolean consentObtained) {

  public List<String> categoryNames() {
    return categories.stream().map(Enum::name).toList();
  }

  /** The concern as its case keeps it. */
  RaisedConcern raised(String raisedBy, String partnershipId, String idempotencyKey, String requestHash) {
    return new RaisedConcern(referrer, categoryNames(), description, immediateRisk, consentObtained, raisedBy,
        partnershipId, idempotencyKey, requestHash);
  }
}

package org.partnershippathways.intake;

/**
 * The answer to a raised concern. Coordinators learn the case it belongs to and whether it joined the person's
 * open case; anyone else learns only that their own concern was received ({@link #ofTheConcernOnly()}), so that a
 * receipt never tells whether somebody has a case.
 */
public record ConcernReceipt(String concernId, String caseId, String caseReference, String processInstanceId,
    Boolean joinedExistingCase) {

  /** The receipt without anything about the case. */
  public ConcernReceipt ofTheConcernOnly() {
    return new ConcernReceipt(concernId, null, null, null, null);
  }
}

package org.partnershippathways.consent;

/**
 * How much about the person may be shared, as recorded with the consent or the lawful basis (Caldicott 3: the
 * minimum necessary). Each agency gets at most what its requests need within this scope.
 */
public enum SharingScope {
  /** Enough to find the person in the partner's records: name, date of birth (NHS number for health). */
  IDENTITY_ONLY,
  /** Identity, address, concern categories and risk rating. */
  IDENTITY_AND_CONCERN,
  /** Everything the agency's request needs, including the description of the concern. */
  FULL
}

package org.partnershippathways.partners.health;

/** Identifier systems and extension URLs that our FHIR requests use (shared by the adapter and the sandbox). */
public final class FhirNames {

  /** NHS England's identifier system for the NHS number. */
  public static final String NHS_NUMBER_SYSTEM = "https://fhir.nhs.uk/Id/nhs-number";
  /** Our partner request ids (the idempotency key): the identifier conditional create matches on. */
  public static final String PARTNER_REQUEST_SYSTEM = "https://partnershippathways.org/Id/partner-request";
  public static final String CASE_REFERENCE_SYSTEM = "https://partnershippathways.org/Id/case-reference";
  /** Complex extension: the consent or lawful basis under which the request is shared. */
  public static final String SHARING_BASIS_EXTENSION =
      "https://partnershippathways.org/fhir/StructureDefinition/sharing-basis";
  public static final String REQUEST_TYPE_SYSTEM = "https://partnershippathways.org/CodeSystem/partner-request-type";

  private FhirNames() {
  }
}

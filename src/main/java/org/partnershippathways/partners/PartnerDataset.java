package org.partnershippathways.partners;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The data one request carries, built by {@link MinimumDataset}: a field not in {@link #fields()} is null (or an
 * empty list) and the adapters leave it out of what they send.
 */
public record PartnerDataset(Set<DatasetField> fields, String caseReference, String givenName, String familyName,
    LocalDate dateOfBirth, String nhsNumber, String address, Boolean child, List<String> concernCategories,
    String riskRating, String concernDescription, String referrerName, String referrerAgency,
    String referrerContact, String outcome) {

  public PartnerDataset {
    fields = Set.copyOf(fields);
    concernCategories = concernCategories == null ? List.of() : List.copyOf(concernCategories);
  }

  public boolean has(DatasetField field) {
    return fields.contains(field);
  }
}

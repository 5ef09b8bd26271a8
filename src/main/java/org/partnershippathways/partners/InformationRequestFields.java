package org.partnershippathways.partners;

import java.util.List;
import org.partnershippathways.consent.SharingScope;
import org.partnershippathways.security.Agency;

/** What an agency would receive in an information request, in words, for those who weigh a change to routing. */
public final class InformationRequestFields {

  private InformationRequestFields() {
  }

  /** The fields of the minimum dataset for this agency under this scope (null: no consent or lawful basis). */
  public static List<String> inWords(SharingScope scope, Agency agency) {
    return MinimumDataset.fields(scope, agency, PartnerRequestType.INFORMATION_REQUEST).stream()
        .map(DatasetField::words).toList();
  }
}

package org.partnershippathways.partners;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.partnershippathways.consent.SharingScope;
import org.partnershippathways.security.Agency;

/** docs/partners.md shows what each adapter sends in each scope: the table there is the one MinimumDataset makes. */
class DatasetTableTest {

  private static final Map<DatasetField, String> SHORT = Map.ofEntries(
      Map.entry(DatasetField.CASE_REFERENCE, "ref"), Map.entry(DatasetField.GIVEN_NAME, "given name"),
      Map.entry(DatasetField.FAMILY_NAME, "family name"), Map.entry(DatasetField.DATE_OF_BIRTH, "DoB"),
      Map.entry(DatasetField.NHS_NUMBER, "NHS no."), Map.entry(DatasetField.ADDRESS, "address"),
      Map.entry(DatasetField.CHILD, "child"), Map.entry(DatasetField.CONCERN_CATEGORIES, "categories"),
      Map.entry(DatasetField.RISK_RATING, "risk"), Map.entry(DatasetField.CONCERN_DESCRIPTION, "description"),
      Map.entry(DatasetField.REFERRER, "referrer"), Map.entry(DatasetField.OUTCOME, "outcome"));

  static String table() {
    StringBuilder table = new StringBuilder(
        "| agency | request type | no consent or lawful basis | IDENTITY_ONLY | IDENTITY_AND_CONCERN | FULL |\n"
            + "| --- | --- | --- | --- | --- | --- |\n");
    for (Agency agency : Agency.values()) {
      for (PartnerRequestType type : PartnerRequestType.values()) {
        table.append("| ").append(agency.groupId()).append(" | ").append(type).append(" | ")
            .append(MinimumDataset.namesNobody(type) ? cell(MinimumDataset.fields(null, agency, type)) : "not sent");
        for (SharingScope scope : SharingScope.values()) {
          table.append(" | ").append(cell(MinimumDataset.fields(scope, agency, type)));
        }
        table.append(" |\n");
      }
    }
    return table.toString();
  }

  private static String cell(Set<DatasetField> fields) {
    return fields.stream().sorted().map(SHORT::get).collect(Collectors.joining(", "));
  }

  @Test
  void theDocumentedTableIsTheOneTheCodeApplies() throws IOException {
    assertThat(Files.readString(Path.of("docs/partners.md"))).as("regenerate with DatasetTableTest.table()")
        .contains(table());
  }

  public static void main(String[] args) {
    System.out.print(table());
  }
}

package org.partnershippathways.intake;

import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import org.partnershippathways.platform.FormValues;

/** The Tasklist start form {@code forms/raise-concern.form}: its fields as a concern request. */
final class StartForm {

  /** The fields about people: read once by intake, then removed, and never written to the engine's history. */
  static final Set<String> PERSONAL_FIELDS = Set.of("referrerName", "referrerContact", "givenName", "familyName",
      "dateOfBirth", "nhsNumber", "address", "description");

  /** Every field of the form. */
  static final Set<String> FIELDS = Set.of("referrerName", "referrerAgency", "referrerContact", "givenName",
      "familyName", "dateOfBirth", "nhsNumber", "address", "child", "concernCategories", "description",
      "immediateRisk", "consentObtained");

  private static final ZoneId ZONE = ZoneId.of("Europe/London");

  private StartForm() {
  }

  static ConcernRequest read(Map<String, Object> fields) {
    return new ConcernRequest(
        new ConcernRequest.Referrer(text(fields, "referrerName"), text(fields, "referrerAgency"),
            text(fields, "referrerContact")),
        new ConcernRequest.Person(text(fields, "givenName"), text(fields, "familyName"),
            FormValues.dayText(fields.get("dateOfBirth"), ZONE), FormValues.text(fields.get("nhsNumber")),
            text(fields, "address"), FormValues.yes(fields.get("child"))),
        FormValues.list(fields.get("concernCategories")), text(fields, "description"),
        FormValues.yes(fields.get("immediateRisk")), FormValues.yes(fields.get("consentObtained")));
  }

  private static String text(Map<String, Object> fields, String name) {
    Object value = fields.get(name);
    return value == null ? null : value.toString();
  }
}

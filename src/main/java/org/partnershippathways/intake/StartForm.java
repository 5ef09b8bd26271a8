package org.partnershippathways.intake;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.partnershippathways.calendar.UkDates;
import org.partnershippathways.platform.FieldProblem;
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

  /** The request's fields as the form labels them, so that a refusal names what the user sees. */
  private static final Map<String, String> LABELS = Map.ofEntries(
      Map.entry("referrer.name", "Your name"), Map.entry("referrer.agency", "Your agency"),
      Map.entry("referrer.contact", "How to contact you"), Map.entry("person.givenName", "Given name"),
      Map.entry("person.familyName", "Family name"), Map.entry("person.dateOfBirth", "Date of birth"),
      Map.entry("person.nhsNumber", "NHS number"), Map.entry("person.address", "Address"),
      Map.entry("person.child", "The person is a child"), Map.entry("concernCategories", "What the concern is about"),
      Map.entry("description", "What happened, and what worries you"), Map.entry("immediateRisk", "Immediate risk"),
      Map.entry("consentObtained", "Consent"));

  private StartForm() {
  }

  static ConcernRequest read(Map<String, Object> fields) {
    return new ConcernRequest(
        new ConcernRequest.Referrer(text(fields, "referrerName"), text(fields, "referrerAgency"),
            text(fields, "referrerContact")),
        new ConcernRequest.Person(text(fields, "givenName"), text(fields, "familyName"),
            FormValues.dayText(fields.get("dateOfBirth"), UkDates.UK), FormValues.text(fields.get("nhsNumber")),
            text(fields, "address"), FormValues.yes(fields.get("child"))),
        FormValues.list(fields.get("concernCategories")), text(fields, "description"),
        FormValues.yes(fields.get("immediateRisk")), FormValues.yes(fields.get("consentObtained")));
  }

  /** The problems with the form's labels in place of the request's field paths. */
  static List<FieldProblem> labelled(List<FieldProblem> problems) {
    return problems.stream().map(problem -> new FieldProblem(
        LABELS.getOrDefault(problem.field().replaceAll("\\[\\d+]$", ""), problem.field()), problem.message()))
        .toList();
  }

  private static String text(Map<String, Object> fields, String name) {
    Object value = fields.get(name);
    return value == null ? null : value.toString();
  }
}

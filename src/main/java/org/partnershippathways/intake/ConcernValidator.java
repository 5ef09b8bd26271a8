package org.partnershippathways.intake;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.partnershippathways.cases.PersonDetails;
import org.partnershippathways.cases.Referrer;
import org.partnershippathways.platform.FieldProblem;
import org.partnershippathways.platform.InvalidRequestException;
import org.partnershippathways.platform.TextRules;

/** Checks a concern field by field and names every problem, so the referrer can fix them all at once. */
public final class ConcernValidator {

  static final int NAME_MAX = 100;
  static final int REFERRER_MAX = 200;
  static final int AGENCY_MAX = 100;
  static final int ADDRESS_MAX = 500;
  static final int DESCRIPTION_MAX = 4000;

  private ConcernValidator() {
  }

  /** The valid concern, or {@link InvalidRequestException} listing each field's problem. */
  public static NewConcern validate(ConcernRequest request, LocalDate today) {
    List<FieldProblem> problems = new ArrayList<>();
    if (request == null) {
      throw new InvalidRequestException("body", "is required");
    }
    ConcernRequest.Referrer referrer = request.referrer();
    if (referrer == null) {
      problems.add(new FieldProblem("referrer", "is required"));
    } else {
      text(problems, "referrer.name", referrer.name(), REFERRER_MAX, true);
      text(problems, "referrer.agency", referrer.agency(), AGENCY_MAX, true);
      text(problems, "referrer.contact", referrer.contact(), REFERRER_MAX, true);
    }
    ConcernRequest.Person person = request.person();
    LocalDate dateOfBirth = null;
    if (person == null) {
      problems.add(new FieldProblem("person", "is required"));
    } else {
      text(problems, "person.givenName", person.givenName(), NAME_MAX, true);
      text(problems, "person.familyName", person.familyName(), NAME_MAX, true);
      freeText(problems, "person.address", person.address(), ADDRESS_MAX, false);
      dateOfBirth = dateOfBirth(problems, person.dateOfBirth(), today);
      if (person.nhsNumber() != null && person.nhsNumber().isBlank()) {
        problems.add(new FieldProblem("person.nhsNumber",
            "is empty: give the 10-digit NHS number, or leave the field out when it is not known"));
      } else if (person.nhsNumber() != null && !NhsNumber.isValid(person.nhsNumber())) {
        problems.add(new FieldProblem("person.nhsNumber",
            "is not a valid NHS number (10 digits with a modulus-11 check digit)"));
      }
      if (person.child() == null) {
        problems.add(new FieldProblem("person.child", "is required (true if the person is under 18)"));
      }
    }
    List<ConcernCategory> categories = categories(problems, request.concernCategories());
    freeText(problems, "description", request.description(), DESCRIPTION_MAX, true);
    if (request.immediateRisk() == null) {
      problems.add(new FieldProblem("immediateRisk", "is required"));
    }
    if (request.consentObtained() == null) {
      problems.add(new FieldProblem("consentObtained", "is required"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    return new NewConcern(
        new Referrer(referrer.name().strip(), referrer.agency().strip(), referrer.contact().strip()),
        new PersonDetails(person.givenName().strip(), person.familyName().strip(), dateOfBirth,
            person.nhsNumber() == null ? null : NhsNumber.normalise(person.nhsNumber()),
            blank(person.address()) ? null : person.address().strip(), person.child()),
        categories, request.description().strip(), request.immediateRisk(), request.consentObtained());
  }

  private static LocalDate dateOfBirth(List<FieldProblem> problems, String value, LocalDate today) {
    if (blank(value)) {
      problems.add(new FieldProblem("person.dateOfBirth", "is required"));
      return null;
    }
    try {
      LocalDate date = LocalDate.parse(value.strip());
      if (date.isAfter(today)) {
        problems.add(new FieldProblem("person.dateOfBirth", "must not be in the future"));
      } else if (date.isBefore(today.minusYears(130))) {
        problems.add(new FieldProblem("person.dateOfBirth", "is more than 130 years ago"));
      }
      return date;
    } catch (DateTimeParseException e) {
      problems.add(new FieldProblem("person.dateOfBirth", "must be a date like 2011-04-23"));
      return null;
    }
  }

  /** The categories; unknown ones are named by position, once, never echoed (a request may hold thousands). */
  private static List<ConcernCategory> categories(List<FieldProblem> problems, List<String> values) {
    if (values == null || values.isEmpty()) {
      problems.add(new FieldProblem("concernCategories", "needs at least one of " + List.of(ConcernCategory.values())));
      return List.of();
    }
    Set<ConcernCategory> categories = new LinkedHashSet<>();
    int firstUnknown = -1;
    int unknown = 0;
    for (int i = 0; i < values.size(); i++) {
      String value = values.get(i);
      try {
        categories.add(ConcernCategory.valueOf(value == null ? "" : value.strip()));
      } catch (IllegalArgumentException e) {
        firstUnknown = firstUnknown < 0 ? i : firstUnknown;
        unknown++;
      }
    }
    if (unknown > 0) {
      problems.add(new FieldProblem("concernCategories[" + firstUnknown + "]", "is not a concern category"
          + (unknown > 1 ? " (nor are " + (unknown - 1) + " more)" : "") + ": use " + List.of(ConcernCategory.values())));
    }
    return List.copyOf(categories);
  }

  private static void text(List<FieldProblem> problems, String field, String value, int max, boolean required) {
    checked(problems, field, value, max, required, TextRules::problemOfLine);
  }

  private static void freeText(List<FieldProblem> problems, String field, String value, int max, boolean required) {
    checked(problems, field, value, max, required, TextRules::problemOfText);
  }

  private static void checked(List<FieldProblem> problems, String field, String value, int max, boolean required,
      Function<String, Optional<String>> rules) {
    if (blank(value)) {
      if (required) {
        problems.add(new FieldProblem(field, "is required"));
      }
    } else if (value.strip().length() > max) {
      problems.add(new FieldProblem(field, "must be at most " + max + " characters"));
    } else {
      rules.apply(value).ifPresent(problem -> problems.add(new FieldProblem(field, problem)));
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}

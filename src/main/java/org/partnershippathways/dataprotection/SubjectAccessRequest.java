package org.partnershippathways.dataprotection;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.partnershippathways.intake.NhsNumber;
import org.partnershippathways.platform.FieldProblem;
import org.partnershippathways.platform.TextRules;

/**
 * Body of {@code POST /api/subject-access-exports}: the request's reference (as the person or the information
 * governance team numbered it) and who the person is: the NHS number, or the family name and date of birth, or both.
 */
record SubjectAccessRequest(String requestReference, String nhsNumber, String familyName, String dateOfBirth) {

  static final int REFERENCE_MAX = 100;
  static final int NAME_MAX = 100;

  List<FieldProblem> problems() {
    List<FieldProblem> problems = new ArrayList<>();
    TextRules.requiredLine("requestReference", requestReference, REFERENCE_MAX,
        "is required: the subject access request's reference").ifPresent(problems::add);
    if (!blank(nhsNumber) && !NhsNumber.isValid(nhsNumber)) {
      problems.add(new FieldProblem("nhsNumber", "is not a valid NHS number (10 digits with a correct check digit)"));
    }
    if (!blank(familyName)) {
      if (familyName.length() > NAME_MAX) {
        problems.add(new FieldProblem("familyName", "is longer than " + NAME_MAX + " characters"));
      } else {
        TextRules.problemOfLine(familyName).ifPresent(problem -> problems.add(new FieldProblem("familyName",
            problem)));
      }
    }
    if (!blank(dateOfBirth) && birthDate() == null) {
      problems.add(new FieldProblem("dateOfBirth", "must be a past date written 2011-04-23"));
    }
    if (blank(nhsNumber) && (blank(familyName) || blank(dateOfBirth))) {
      problems.add(new FieldProblem(blank(familyName) ? "familyName" : "dateOfBirth",
          "is required: give the NHS number, or the family name and the date of birth"));
    }
    return problems;
  }

  String normalisedNhsNumber() {
    return blank(nhsNumber) ? null : NhsNumber.normalise(nhsNumber);
  }

  String family() {
    return blank(familyName) || blank(dateOfBirth) ? null : familyName.trim();
  }

  LocalDate birthDate() {
    if (blank(dateOfBirth)) {
      return null;
    }
    try {
      LocalDate date = LocalDate.parse(dateOfBirth.trim());
      return date.isAfter(LocalDate.now()) || date.getYear() < 1880 ? null : date;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}

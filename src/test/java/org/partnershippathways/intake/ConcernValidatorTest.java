package org.partnershippathways.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.partnershippathways.platform.FieldProblem;
import org.partnershippathways.platform.InvalidRequestException;

class ConcernValidatorTest {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

  static ConcernRequest valid() {
    return new ConcernRequest(new ConcernRequest.Referrer("PC Jones", "police", "01234 567890"),
        new ConcernRequest.Person("Alex", "Tester", "2011-04-23", "943 476 5919", "1 High Street", true),
        List.of("EXPLOITATION", "MISSING_EPISODES"), "Missing three times this month", false, true);
  }

  private static List<String> fieldsWrongIn(ConcernRequest request) {
    return catchThrowableOfType(InvalidRequestException.class, () -> ConcernValidator.validate(request, TODAY))
        .problems().stream().map(FieldProblem::field).toList();
  }

  @Test
  void acceptsAValidConcernAndNormalisesIt() {
    NewConcern concern = ConcernValidator.validate(valid(), TODAY);

    assertThat(concern.person().nhsNumber()).isEqualTo("9434765919");
    assertThat(concern.person().dateOfBirth()).isEqualTo(LocalDate.of(2011, 4, 23));
    assertThat(concern.categories()).containsExactly(ConcernCategory.EXPLOITATION, ConcernCategory.MISSING_EPISODES);
  }

  @Test
  void namesEveryMissingField() {
    assertThat(fieldsWrongIn(new ConcernRequest(null, null, null, " ", null, null))).containsExactly("referrer",
        "person", "concernCategories", "description", "immediateRisk", "consentObtained");
    assertThat(fieldsWrongIn(new ConcernRequest(new ConcernRequest.Referrer(null, "", null),
        new ConcernRequest.Person(null, null, null, null, null, null), List.of("HOUSING"), "x", true, true)))
        .containsExactly("referrer.name", "referrer.agency", "referrer.contact", "person.givenName",
            "person.familyName", "person.dateOfBirth", "person.child");
  }

  @Test
  void checksTheNhsNumberTheDateOfBirthTheCategoriesAndTheSizes() {
    ConcernRequest v = valid();
    assertThat(fieldsWrongIn(new ConcernRequest(v.referrer(),
        new ConcernRequest.Person("A".repeat(101), "Tester", "2026-11-26", "9434765918", null, true),
        List.of("HOUSING", "GOSSIP"), "x".repeat(4001), false, true)))
        .containsExactly("person.givenName", "person.dateOfBirth", "person.nhsNumber", "concernCategories[1]",
            "description");
    assertThat(fieldsWrongIn(new ConcernRequest(v.referrer(),
        new ConcernRequest.Person("A", "B", "23/04/2011", null, null, true), v.concernCategories(), "x", false,
        true))).containsExactly("person.dateOfBirth");
  }

  @Test
  void anEmptyNhsNumberIsAMistakeNotNoneGiven() {
    for (String empty : List.of("", "   ", "\t")) {
      assertThat(fieldsWrongIn(withPerson("Alex", "Tester", empty))).containsExactly("person.nhsNumber");
    }
    assertThat(ConcernValidator.validate(withPerson("Alex", "Tester", null), TODAY).person().nhsNumber()).isNull();
  }

  @Test
  void namesOfInvisibleOrControlCharactersAreRefused() {
    for (String invisible : List.of("\u200B", "\u200B\u200C\u200D", "\uFEFF", "\u3164", "\u00AD\u2060",
        "\u0000", "\u0007\u001B", "\u0301")) {
      assertThat(fieldsWrongIn(withPerson(invisible, "Tester", null))).as(invisible)
          .containsExactly("person.givenName");
    }
    assertThat(fieldsWrongIn(withPerson("Alex", "Tes\u0000ter", null))).containsExactly("person.familyName");
    assertThat(fieldsWrongIn(withPerson("Alex", "Tes\nter", null))).containsExactly("person.familyName");
    assertThat(ConcernValidator.validate(withPerson("Zoë", "Nguyễn-O'Brien", null), TODAY).person().givenName())
        .isEqualTo("Zoë");
  }

  @Test
  void unknownCategoriesAreNamedOnceWithoutRepeatingThem() {
    ConcernRequest v = valid();
    List<String> many = java.util.Collections.nCopies(5000, "NOT_A_CATEGORY".repeat(10));
    InvalidRequestException refused = catchThrowableOfType(InvalidRequestException.class,
        () -> ConcernValidator.validate(new ConcernRequest(v.referrer(), v.person(), many, v.description(), false,
            true), TODAY));

    assertThat(refused.problems()).hasSize(1);
    assertThat(refused.problems().get(0).field()).isEqualTo("concernCategories[0]");
    assertThat(refused.problems().get(0).message()).contains("4999 more").doesNotContain("NOT_A_CATEGORY")
        .hasSizeLessThan(300);
  }

  private static ConcernRequest withPerson(String givenName, String familyName, String nhsNumber) {
    ConcernRequest v = valid();
    return new ConcernRequest(v.referrer(), new ConcernRequest.Person(givenName, familyName, "2011-04-23", nhsNumber,
        "1 High Street\nFlat 2", true), v.concernCategories(), v.description(), false, true);
  }

  @Test
  void theNhsNumberCheckDigitIsModulus11() {
    assertThat(NhsNumber.isValid("9434765919")).isTrue();
    assertThat(NhsNumber.isValid("943 476 5919")).isTrue();
    assertThat(NhsNumber.isValid("9434765918")).isFalse();
    assertThat(NhsNumber.isValid("123456789")).isFalse();
    // check digit 10 is never valid
    assertThat(NhsNumber.isValid("1000000010")).isFalse();
    assertThat(NhsNumber.isValid("abcdefghij")).isFalse();
  }
}

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
        .containsExactly("person.givenName", "person.dateOfBirth", "person.nhsNumber", "concernCategories",
            "description");
    assertThat(fieldsWrongIn(new ConcernRequest(v.referrer(),
        new ConcernRequest.Person("A", "B", "23/04/2011", null, null, true), v.concernCategories(), "x", false,
        true))).containsExactly("person.dateOfBirth");
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

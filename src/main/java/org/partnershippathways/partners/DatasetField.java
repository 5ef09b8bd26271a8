package org.partnershippathways.partners;

/** One item of case data that a request to a partner may carry; recorded by name in the disclosure audit. */
enum DatasetField {
  /** Our case reference: names nobody. */
  CASE_REFERENCE(false),
  GIVEN_NAME(true),
  FAMILY_NAME(true),
  DATE_OF_BIRTH(true),
  NHS_NUMBER(true),
  ADDRESS(true),
  /** Whether the person is a child. */
  CHILD(true),
  CONCERN_CATEGORIES(true),
  RISK_RATING(true),
  CONCERN_DESCRIPTION(true),
  /** Name, agency and contact of whoever raised the concern. */
  REFERRER(true),
  /** The closure outcome code of the case. */
  OUTCOME(false);

  private final boolean aboutThePerson;

  DatasetField(boolean aboutThePerson) {
    this.aboutThePerson = aboutThePerson;
  }

  /** The field as a person reads it: "NHS number", "date of birth". */
  public String words() {
    return switch (this) {
      case CASE_REFERENCE -> "case reference";
      case NHS_NUMBER -> "NHS number";
      case CHILD -> "whether a child";
      case CONCERN_DESCRIPTION -> "description of the concern";
      case REFERRER -> "who raised the concern";
      default -> name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    };
  }

  /** Whether the field says anything about the person (and so may only go out with consent or a lawful basis). */
  public boolean aboutThePerson() {
    return aboutThePerson;
  }
}

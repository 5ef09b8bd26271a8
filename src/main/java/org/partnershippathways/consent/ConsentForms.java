package org.partnershippathways.consent;

import org.partnershippathways.platform.InvalidTaskInput;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.partnershippathways.security.Agency;
import org.partnershippathways.platform.FormValues;

/**
 * Checks what a coordinator or a Caldicott guardian entered, again on the server: the forms check it too, but a
 * task can be completed through the REST API without them. A problem stops the completion with a message the
 * user reads in Tasklist.
 */
final class ConsentForms {

  private ConsentForms() {
  }

  /** How long a consent or lawful basis lasts when the form names no end: it is then renewed or lets sharing end. */
  static final Period DEFAULT_VALIDITY = Period.ofMonths(12);

  record ConsentRecord(ConsentStatus status, String givenBy, SharingScope scope, String reasonNotGiven,
      SharingCoverage coverage) {
  }

  record SharingWithoutConsent(boolean share, String lawfulBasis, SharingScope scope, String rationale,
      SharingCoverage coverage) {
  }

  /**
   * The agencies, purposes and end a decision covers, from the form's checklists and date: none ticked means
   * every agency (or purpose), no date means {@link #DEFAULT_VALIDITY} from today. The date is the last day of
   * sharing; it must be in the future.
   */
  static SharingCoverage coverage(Object agencies, Object purposes, Object validUntil, ZoneId zone,
      Instant now, List<String> problems) {
    Set<Agency> agencySet = EnumSet.noneOf(Agency.class);
    for (String id : FormValues.list(agencies)) {
      Agency.ofGroupId(id).ifPresentOrElse(agencySet::add, () -> problems.add("'" + id
          + "' is not a partner agency (police, health, social-care, voluntary)"));
    }
    Set<SharingPurpose> purposeSet = EnumSet.noneOf(SharingPurpose.class);
    for (String name : FormValues.list(purposes)) {
      parse(SharingPurpose.class, name).ifPresentOrElse(purposeSet::add, () -> problems.add("'" + name
          + "' is not a purpose of sharing (" + names(SharingPurpose.class) + ")"));
    }
    LocalDate today = now.atZone(zone).toLocalDate();
    LocalDate lastDay = today.plus(DEFAULT_VALIDITY);
    try {
      lastDay = FormValues.day(validUntil, zone).orElse(lastDay);
    } catch (DateTimeParseException e) {
      problems.add("give the last day of sharing as a date");
    }
    if (lastDay.isBefore(today)) {
      problems.add("the last day of sharing must not be in the past");
    }
    return new SharingCoverage(agencySet.isEmpty() ? EnumSet.allOf(Agency.class) : agencySet,
        purposeSet.isEmpty() ? EnumSet.allOf(SharingPurpose.class) : purposeSet,
        lastDay.plusDays(1).atStartOfDay(zone).toInstant());
  }

  static ConsentRecord consentRecord(Object status, Object givenBy, Object scope, Object reasonNotGiven,
      Coverage coverage) {
    List<String> problems = new ArrayList<>();
    ConsentStatus consentStatus = parse(ConsentStatus.class, status).orElse(null);
    if (consentStatus == null) {
      problems.add("choose the consent status (" + names(ConsentStatus.class) + ")");
    }
    SharingScope sharingScope = parse(SharingScope.class, scope).orElse(null);
    if (consentStatus == ConsentStatus.GIVEN) {
      if (blank(givenBy)) {
        problems.add("say who gave consent (the person, or a parent or carer for a child)");
      }
      if (sharingScope == null) {
        problems.add("choose what the person agreed to share (" + names(SharingScope.class) + ")");
      }
    } else if (consentStatus != null && blank(reasonNotGiven)) {
      problems.add("say why consent was not given or could not be sought");
    }
    SharingCoverage covered = consentStatus == ConsentStatus.GIVEN ? coverage.read(problems) : null;
    failIfAny("consentRecord", problems);
    return new ConsentRecord(consentStatus, text(givenBy), sharingScope, text(reasonNotGiven), covered);
  }

  static SharingWithoutConsent sharingWithoutConsent(Object share, Object lawfulBasis, Object scope,
      Object rationale, Coverage coverage) {
    List<String> problems = new ArrayList<>();
    Boolean shareWithoutConsent = FormValues.yesOrNo(share);
    if (shareWithoutConsent == null) {
      problems.add("decide whether to share without consent (yes or no)");
    }
    SharingScope sharingScope = parse(SharingScope.class, scope).orElse(null);
    if (Boolean.TRUE.equals(shareWithoutConsent)) {
      if (blank(lawfulBasis) || "NONE".equalsIgnoreCase(text(lawfulBasis))) {
        problems.add("record the lawful basis for sharing without consent");
      }
      if (sharingScope == null) {
        problems.add("choose the proportionate scope of sharing (" + names(SharingScope.class) + ")");
      }
    }
    if (blank(rationale)) {
      problems.add("record the rationale for the decision");
    }
    SharingCoverage covered = Boolean.TRUE.equals(shareWithoutConsent) ? coverage.read(problems) : null;
    failIfAny("sharingDecision", problems);
    return new SharingWithoutConsent(Boolean.TRUE.equals(shareWithoutConsent), text(lawfulBasis), sharingScope,
        text(rationale), covered);
  }

  /** The coverage fields of a form, read only when the decision lets something be shared. */
  record Coverage(Object agencies, Object purposes, Object validUntil, ZoneId zone, Instant now) {

    SharingCoverage read(List<String> problems) {
      return coverage(agencies, purposes, validUntil, zone, now, problems);
    }
  }

  private static void failIfAny(String form, List<String> problems) {
    if (!problems.isEmpty()) {
      throw InvalidTaskInput.of(form, "is incomplete: " + String.join("; ", problems));
    }
  }

  private static <E extends Enum<E>> Optional<E> parse(Class<E> type, Object value) {
    if (blank(value)) {
      return Optional.empty();
    }
    return Arrays.stream(type.getEnumConstants()).filter(constant -> constant.name().equals(text(value))).findFirst();
  }

  private static <E extends Enum<E>> String names(Class<E> type) {
    return String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
  }

  private static boolean blank(Object value) {
    return FormValues.text(value) == null;
  }

  private static String text(Object value) {
    return FormValues.text(value);
  }
}

package org.partnershippathways.consent;

import org.partnershippathways.platform.InvalidTaskInput;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.partnershippathways.platform.FormValues;

/**
 * Checks what a coordinator or a Caldicott guardian entered, again on the server: the forms check it too, but a
 * task can be completed through the REST API without them. A problem stops the completion with a message the
 * user reads in Tasklist.
 */
final class ConsentForms {

  private ConsentForms() {
  }

  record ConsentRecord(ConsentStatus status, String givenBy, SharingScope scope, String reasonNotGiven) {
  }

  record SharingWithoutConsent(boolean share, String lawfulBasis, SharingScope scope, String rationale) {
  }

  static ConsentRecord consentRecord(Object status, Object givenBy, Object scope, Object reasonNotGiven) {
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
    failIfAny("consentRecord", problems);
    return new ConsentRecord(consentStatus, text(givenBy), sharingScope, text(reasonNotGiven));
  }

  static SharingWithoutConsent sharingWithoutConsent(Object share, Object lawfulBasis, Object scope,
      Object rationale) {
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
    failIfAny("sharingDecision", problems);
    return new SharingWithoutConsent(shareWithoutConsent, text(lawfulBasis), sharingScope, text(rationale));
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

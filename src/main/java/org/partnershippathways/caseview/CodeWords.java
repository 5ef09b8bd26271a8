package org.partnershippathways.caseview;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.partnershippathways.intake.ConcernCategory;
import org.partnershippathways.security.Agency;

/** The codes of our tables as a person reads them (the same words as the forms' options). */
final class CodeWords {

  private static final Map<String, String> WORDS = Map.ofEntries(
      // case status and closure outcomes
      Map.entry("OPEN", "Open"), Map.entry("CLOSED", "Closed"),
      Map.entry("STEPPED_UP", "Stepped up to statutory safeguarding"),
      Map.entry("OUTCOMES_MET", "Outcomes met"), Map.entry("OUTCOMES_NOT_MET", "Outcomes not met"),
      Map.entry("MOVED_OUT_OF_AREA", "Moved out of area"), Map.entry("DISENGAGED", "Disengaged"),
      Map.entry("DUPLICATE", "Duplicate case"),
      Map.entry("CONSENT_REFUSED", "Sharing not permitted: single-agency support"),
      // review outcomes
      Map.entry("NOT_MET", "Outcomes not met: another meeting round"),
      Map.entry("NEW_ACTIONS", "New actions: the action plan continues"),
      Map.entry("RISK_INCREASED", "Risk increased: step up to statutory safeguarding"),
      // consent
      Map.entry("GIVEN", "given"), Map.entry("REFUSED", "refused"),
      Map.entry("NOT_POSSIBLE", "could not be sought"),
      Map.entry("WOULD_INCREASE_RISK", "not sought: seeking it would increase the risk"),
      Map.entry("IDENTITY_ONLY", "identity only"),
      Map.entry("IDENTITY_AND_CONCERN", "identity, address, concern categories and risk rating"),
      Map.entry("FULL", "everything the partners need, including the description"),
      // actions
      Map.entry("DONE", "Done"), Map.entry("NOT_DONE", "Not done"),
      Map.entry("NO_LONGER_NEEDED", "No longer needed"),
      Map.entry("HIGH", "high"), Map.entry("MEDIUM", "medium"), Map.entry("LOW", "low"),
      // requests to partners
      Map.entry("INFORMATION_REQUEST", "Information request"),
      Map.entry("IMMEDIATE_RISK_NOTIFICATION", "Immediate risk notification"),
      Map.entry("SAFEGUARDING_REFERRAL", "Statutory safeguarding referral"),
      Map.entry("SERVICE_REFERRAL", "Service referral"), Map.entry("MEETING_INVITATION", "Meeting invitation"),
      Map.entry("CLOSURE_NOTIFICATION", "Notice of the case's closure"),
      Map.entry("CONSENT_WITHDRAWAL", "Notice of the withdrawal of consent"),
      Map.entry("SENT", "sent, not yet accepted"), Map.entry("ACCEPTED", "accepted by the partner's system"),
      Map.entry("REJECTED", "refused by the partner's system"),
      Map.entry("FAILED", "not delivered yet: the partner's system did not answer"),
      Map.entry("SKIPPED", "skipped by the coordinator"),
      Map.entry("CLOSED_WITHOUT_REPLY", "closed without a reply"), Map.entry("ENDED", "ended"));

  private CodeWords() {
  }

  static String of(String code) {
    return code == null ? null : WORDS.getOrDefault(code, code.replace('_', ' ').toLowerCase());
  }

  static String agency(String groupId) {
    return "other".equals(groupId) ? "Other organisation" : Agency.nameOf(groupId);
  }

  /** "Police, Health (NHS) and Social care", in the agencies' own order. */
  static String agencies(Collection<String> groupIds) {
    List<String> names = java.util.Arrays.stream(Agency.values()).map(Agency::groupId)
        .filter(groupIds::contains).map(CodeWords::agency).toList();
    return list(names);
  }

  static String categories(String commaSeparated) {
    if (commaSeparated == null || commaSeparated.isBlank()) {
      return "";
    }
    return String.join(", ", java.util.Arrays.stream(commaSeparated.split(","))
        .map(String::trim).filter(code -> !code.isEmpty()).map(ConcernCategory::wordsFor).toList());
  }

  static String list(List<String> words) {
    List<String> present = words.stream().filter(Objects::nonNull).toList();
    if (present.size() <= 1) {
      return present.isEmpty() ? "" : present.get(0);
    }
    return String.join(", ", present.subList(0, present.size() - 1)) + " and " + present.get(present.size() - 1);
  }
}

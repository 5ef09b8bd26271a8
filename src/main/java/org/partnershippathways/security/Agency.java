package org.partnershippathways.security;

import java.util.Arrays;
import java.util.Optional;

/** The partner agencies of a pathway, each with its practitioners' group and its managers' group. */
public enum Agency {
  POLICE("police", "Police"),
  HEALTH("health", "Health (NHS)"),
  SOCIAL_CARE("social-care", "Social care"),
  VOLUNTARY("voluntary", "Voluntary sector");

  private final String groupId;
  private final String displayName;

  Agency(String groupId, String displayName) {
    this.groupId = groupId;
    this.displayName = displayName;
  }

  /** The group of the agency's practitioners, used as candidate group for its tasks. */
  public String groupId() {
    return groupId;
  }

  /** The group of the agency's managers, who receive its escalations. */
  public String managersGroupId() {
    return groupId + "-managers";
  }

  public String displayName() {
    return displayName;
  }

  /** An agency's group id in words ("social-care" is "Social care"); any other group id as it is. */
  public static String nameOf(String groupId) {
    return ofGroupId(groupId).map(Agency::displayName).orElse(groupId);
  }

  public static Optional<Agency> ofGroupId(String groupId) {
    return Arrays.stream(values()).filter(agency -> agency.groupId.equals(groupId)).findFirst();
  }
}

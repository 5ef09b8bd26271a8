package org.partnershippathways.sharing;

/** What the coordinator did when the agency did not reply after the reminder ({@code Task_FollowUpMissingResponse}). */
enum FollowUpDecision {
  CHASED_BY_PHONE,
  PROCEED_WITHOUT
}

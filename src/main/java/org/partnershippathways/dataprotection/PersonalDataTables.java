package org.partnershippathways.dataprotection;

import java.util.List;

/**
 * Every table of ours that holds data about a person's cases, and how its rows are found from the cases' ids: the
 * one list that subject access reads. The disclosure ledger is read apart (the statement of disclosures).
 */
final class PersonalDataTables {

  private static final String BY_CASE = "case_id in (:caseIds)";
  private static final String BY_ACTION = "action_id in (select id from pathway_action where case_id in (:caseIds))";

  /** One table: its title for the person, its name, and the condition that finds the rows of the cases. */
  record Source(String title, String table, String where) {
  }

  static final List<Source> SOURCES = List.of(
      new Source("Cases", "pathway_case", "id in (:caseIds)"),
      new Source("Concerns raised", "pathway_concern", BY_CASE),
      new Source("Triage decisions", "triage_decision", BY_CASE),
      new Source("Consent and lawful-basis decisions", "sharing_decision", BY_CASE),
      new Source("Withdrawals of consent", "consent_withdrawal", BY_CASE),
      new Source("Partners told of a withdrawal", "consent_withdrawal_notice",
          "withdrawal_id in (select id from consent_withdrawal where case_id in (:caseIds))"),
      new Source("Information requests to partners", "information_request", BY_CASE),
      new Source("Partners' replies", "partner_response", BY_CASE),
      new Source("Requests sent to partners", "partner_request", BY_CASE),
      new Source("Meetings", "pathway_meeting", BY_CASE),
      new Source("Meeting attendance", "meeting_attendance",
          "meeting_id in (select id from pathway_meeting where case_id in (:caseIds))"),
      new Source("Meeting decisions", "meeting_decision", BY_CASE),
      new Source("Actions", "pathway_action", BY_CASE),
      new Source("Changes to actions", "action_change", BY_ACTION),
      new Source("Reminders and escalations of actions", "action_event", BY_ACTION),
      new Source("Reviews", "case_review", BY_CASE),
      new Source("Closure", "case_closure", BY_CASE),
      new Source("E-mails telling staff about the case", "notification_outbox", BY_CASE));

  private PersonalDataTables() {
  }
}

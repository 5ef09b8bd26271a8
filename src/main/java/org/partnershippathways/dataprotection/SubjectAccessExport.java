package org.partnershippathways.dataprotection;

import java.time.Instant;
import java.util.List;

/**
 * Everything held about a person, as subject access gives it: the cases found, every row of ours about them, the
 * comments on their tasks, the statement of disclosures, and what the person should be told alongside.
 */
record SubjectAccessExport(String exportId, String requestReference, String exportedBy, Instant exportedAt,
    List<String> caseReferences, List<PersonalRecords.Section> records, List<EngineComments.CaseComment> comments,
    List<DisclosureStatement.Disclosure> disclosures, List<String> aboutThisExport) {

  static final List<String> ABOUT = List.of(
      "Purpose: multi-agency early intervention to protect and prevent harm (safeguarding), run by the partnership"
          + " hub with police, health, social care and voluntary-sector partners.",
      "Categories: identity and contact details, the concerns raised, risk decisions, consent and lawful-basis"
          + " decisions, what partners replied, meetings, actions and reviews.",
      "Recipients: the partner agencies listed in the statement of disclosures, each with when, what and why.",
      "Source: the referrers named in the concerns, and the partner agencies' replies.",
      "Retention: see the partnership's retention schedule (docs/data-protection.md); records are kept for a set"
          + " period after the case closes.",
      "Rights: to have inaccurate data corrected, to ask for processing to be restricted or (where the law allows)"
          + " for data to be erased, and to complain to the Information Commissioner's Office.",
      "Before release, information about third parties and anything that would be likely to cause serious harm must"
          + " be reviewed (Data Protection Act 2018, Schedule 2 and 3).");
}

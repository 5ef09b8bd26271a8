package org.partnershippathways.cases;

import java.util.List;

/**
 * What the case holds that a partner request may draw on; the gateway's minimum-dataset component decides how
 * much of it an agency receives.
 */
public record CaseSummary(String caseId, String reference, PersonDetails person, List<String> concernCategories,
    String concernDescription, String riskRating, String referrerName, String referrerAgency,
    String referrerContact, String outcome) {
}

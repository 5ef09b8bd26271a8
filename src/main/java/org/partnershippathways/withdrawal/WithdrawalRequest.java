package org.partnershippathways.withdrawal;

/** Body of {@code POST /api/cases/{caseId}/consent-withdrawal}. */
record WithdrawalRequest(String withdrawnBy, String notes) {
}

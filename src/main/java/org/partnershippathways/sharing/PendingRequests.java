package org.partnershippathways.sharing;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * Ends what is still waiting for partners' replies about a case when the person withdraws consent: every request
 * waiting ends with the reason, and the case's information sharing stops asking and chasing (message
 * {@code ConsentWithdrawn} on {@code SubProcess_AskPartner}); a late reply is answered 409.
 */
@Component
public class PendingRequests {

  static final String MESSAGE_CONSENT_WITHDRAWN = "ConsentWithdrawn";

  private final SharingTable records;
  private final RuntimeService runtime;

  PendingRequests(SharingTable records, RuntimeService runtime) {
    this.records = records;
    this.runtime = runtime;
  }

  /** Returns how many requests were waiting and ended. */
  public int endBecauseConsentWithdrawn(String caseId) {
    int ended = records.endWaiting(caseId, "Consent withdrawn: the person withdrew the consent to share");
    runtime.createMessageCorrelation(MESSAGE_CONSENT_WITHDRAWN).processInstanceVariableEquals("caseId", caseId)
        .correlateAll();
    return ended;
  }
}

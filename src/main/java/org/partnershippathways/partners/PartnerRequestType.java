package org.partnershippathways.partners;

import org.partnershippathways.consent.SharingPurpose;

/** What a request to a partner asks for, and the purpose of sharing it serves. */
public enum PartnerRequestType {
  /** Asks the agency what it knows about the person (records or intelligence check). */
  INFORMATION_REQUEST(SharingPurpose.INFORMATION_GATHERING),
  /** Tells the agency at once about an immediate risk. */
  IMMEDIATE_RISK_NOTIFICATION(SharingPurpose.SAFEGUARDING),
  /** Statutory safeguarding referral to social care. */
  SAFEGUARDING_REFERRAL(SharingPurpose.SAFEGUARDING),
  /** Referral of the person to a service of the agency (for example a voluntary-sector service). */
  SERVICE_REFERRAL(SharingPurpose.MEETINGS_AND_ACTIONS),
  /** Invitation to a multi-agency meeting. */
  MEETING_INVITATION(SharingPurpose.MEETINGS_AND_ACTIONS),
  /** Tells the referrer's agency that the case closed, and with which outcome. */
  CLOSURE_NOTIFICATION(SharingPurpose.CASE_UPDATES),
  /**
   * Tells an agency that received data about the person that the person withdrew consent: no more is shared, and
   * the agency should stop processing what it holds on that consent. Our case reference only (health: a FHIR R4
   * {@code Consent} with status inactive).
   */
  CONSENT_WITHDRAWAL(SharingPurpose.CASE_UPDATES);

  private final SharingPurpose purpose;

  PartnerRequestType(SharingPurpose purpose) {
    this.purpose = purpose;
  }

  /** The purpose a consent or lawful basis must cover for this request to be sent. */
  public SharingPurpose purpose() {
    return purpose;
  }
}

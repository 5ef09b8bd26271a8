package org.partnershippathways.partners;

/** What a request to a partner asks for. */
public enum PartnerRequestType {
  /** Asks the agency what it knows about the person (records or intelligence check). */
  INFORMATION_REQUEST,
  /** Tells the agency at once about an immediate risk. */
  IMMEDIATE_RISK_NOTIFICATION,
  /** Statutory safeguarding referral to social care. */
  SAFEGUARDING_REFERRAL,
  /** Referral of the person to a service of the agency (for example a voluntary-sector service). */
  SERVICE_REFERRAL,
  /** Invitation to a multi-agency meeting. */
  MEETING_INVITATION,
  /** Tells the referrer's agency that the case closed, and with which outcome. */
  CLOSURE_NOTIFICATION
}

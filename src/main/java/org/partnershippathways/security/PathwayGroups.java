package org.partnershippathways.security;

/** Group ids that are not agencies. Agency groups come from {@link Agency}. */
public final class PathwayGroups {

  /** Case coordinators of the partnership hub: triage, consent, meetings, reviews. */
  public static final String COORDINATORS = "coordinators";
  /** Pathway managers, who are also the Caldicott guardians deciding on sharing without consent. */
  public static final String MANAGERS = "managers";
  /**
   * The out-of-hours duty team (the council's emergency duty team, nights, weekends and bank holidays): receives,
   * with the social care managers, the escalation of an immediate risk's statutory referral not decided in time.
   */
  public static final String OUT_OF_HOURS_DUTY = "out-of-hours-duty";
  /** People who change the BPMN and DMN models. */
  public static final String PROCESS_OWNERS = "process-owners";
  /** Technical users of partner systems, which reply to requests through our API (each also in its agency's group). */
  public static final String PARTNER_SYSTEMS = "partner-systems";
  /** Accounts of monitoring systems (a Prometheus scraper): they read the metrics and nothing else. */
  public static final String MONITORING = "monitoring";
  /** Camunda's administrators' group (Admin webapp). */
  public static final String ADMINISTRATORS = "camunda-admin";

  private PathwayGroups() {
  }
}

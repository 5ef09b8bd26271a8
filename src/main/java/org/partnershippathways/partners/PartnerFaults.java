package org.partnershippathways.partners;

import org.partnershippathways.security.Agency;

/**
 * Which partner faults are worth a retry, the one classification every adapter uses (docs/partners.md): a partner
 * out of reach, an answer lost, a timeout (408), too many requests (429) and any answer but a 4xx are
 * {@link PartnerUnavailableException} (the job fails, the engine retries with back-off, then raises an incident);
 * any other 4xx refuses the request as it stands, {@link PartnerRejectedException} (the coordinator's task).
 */
public final class PartnerFaults {

  private PartnerFaults() {
  }

  /** Whether sending again may help after the partner answered {@code status} (0: no status came back). */
  public static boolean worthRetrying(int status) {
    boolean refusal = status >= 400 && status < 500 && status != 408 && status != 429;
    return !refusal;
  }

  /** The fault for the partner's answer {@code status} to a request of {@code type}; {@code detail} says more. */
  public static RuntimeException answered(Agency agency, PartnerRequestType type, int status, String detail,
      Throwable cause) {
    if (worthRetrying(status)) {
      return new PartnerUnavailableException(agency.displayName() + " is unavailable (" + status + "): " + detail,
          cause);
    }
    return new PartnerRejectedException(status, agency.displayName() + " refused " + type + " (" + status + "): "
        + detail);
  }

  /** The partner could not be reached (connection refused, timed out, name unknown). */
  public static PartnerUnavailableException unreachable(Agency agency, Throwable cause) {
    return new PartnerUnavailableException(agency.displayName() + " could not be reached: " + cause.getMessage(),
        cause);
  }

  /** No base URL is set for the partner: retried, so that the case resumes once it is. */
  public static PartnerUnavailableException notConfigured(Agency agency) {
    return new PartnerUnavailableException(agency.displayName() + " has no base URL (pathways.partners."
        + agency.groupId() + ".base-url)", null);
  }
}

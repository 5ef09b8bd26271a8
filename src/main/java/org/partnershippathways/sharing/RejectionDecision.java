package org.partnershippathways.sharing;

/** What the coordinator does with a request the agency rejected ({@code Task_ResolveRejectedRequest}). */
public enum RejectionDecision {
  RETRY,
  SKIP
}

package org.partnershippathways.sharing;

/** What the coordinator does with a request the agency rejected ({@code Task_ResolveRejectedRequest}). */
enum RejectionDecision {
  RETRY,
  SKIP
}

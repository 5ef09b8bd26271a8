package org.partnershippathways.sharing;

import org.camunda.bpm.engine.test.mock.Mocks;

/** The information-sharing process's delegates and listeners, for process tests, under their bean names. */
final class SharingDelegates {

  private SharingDelegates() {
  }

  static void register(InformationRequests requests) {
    Mocks.register("chooseAgencies", new ChooseAgenciesListener(requests));
    Mocks.register("requestSent", new RequestSentListener(requests));
    Mocks.register("requestChased", new RequestChasedListener(requests));
    Mocks.register("requestSkipped", new RequestSkippedListener(requests));
    Mocks.register("requestClosedWithoutReply", new RequestClosedWithoutReplyListener(requests));
    Mocks.register("summariseResponses", new SummariseResponsesDelegate(requests));
    Mocks.register("nameAfterAgency", new NameAfterAgencyListener(requests));
    Mocks.register("checkRejectionDecision", new CheckRejectionDecisionListener(requests));
    Mocks.register("checkFollowUpDecision", new CheckFollowUpDecisionListener(requests));
  }
}

package org.partnershippathways.benchmark;

import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
import org.partnershippathways.demo.CaseDriver;
import org.partnershippathways.demo.CaseDriver.DrivenCase;

/** Where the replies to the partners' information requests come from in a run. */
final class PartnerReplySources {

  /** Called while a case waits for replies; delivers those it can. */
  interface PartnerReplies {
    void deliverWaiting(DrivenCase started);
  }

  /** The real pathway: the partner sandbox replies through our API, so the driver only waits. */
  static final PartnerReplies SANDBOX = started -> { };

  private PartnerReplySources() {
  }

  /** The bare model: the driver delivers the message to each waiting execution, the engine's own minimum. */
  static PartnerReplies straightToTheEngine(RuntimeService runtime) {
    return started -> {
      for (Execution waiting : waiting(runtime, started)) {
        runtime.messageEventReceived(CaseDriver.PARTNER_RESPONSE, waiting.getId());
      }
    };
  }

  private static List<Execution> waiting(RuntimeService runtime, DrivenCase started) {
    return runtime.createExecutionQuery().processInstanceBusinessKey(started.reference())
        .messageEventSubscriptionName(CaseDriver.PARTNER_RESPONSE).list();
  }
}

package org.partnershippathways.benchmark;

import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
import org.partnershippathways.benchmark.PathwayDriver.PartnerReplies;
import org.partnershippathways.benchmark.PathwayDriver.StartedCase;

/** Where the replies to the partners' information requests come from in a run. */
final class PartnerReplySources {

  private PartnerReplySources() {
  }

  /** The bare model: the driver delivers the message to each waiting execution, the engine's own minimum. */
  static PartnerReplies straightToTheEngine(RuntimeService runtime) {
    return started -> {
      for (Execution waiting : waiting(runtime, started)) {
        runtime.messageEventReceived(PathwayDriver.PARTNER_RESPONSE, waiting.getId());
      }
    };
  }

  private static List<Execution> waiting(RuntimeService runtime, StartedCase started) {
    return runtime.createExecutionQuery().processInstanceBusinessKey(started.reference())
        .messageEventSubscriptionName(PathwayDriver.PARTNER_RESPONSE).list();
  }
}

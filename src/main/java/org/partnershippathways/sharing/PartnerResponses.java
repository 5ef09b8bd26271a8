package org.partnershippathways.sharing;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.partnershippathways.cases.Cases;
import org.partnershippathways.platform.ConflictException;
import org.partnershippathways.platform.NotFoundException;
import org.partnershippathways.security.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Replies of the agencies: stored in {@code partner_response} and delivered to the waiting process in one
 * transaction, so a reply is either both recorded and delivered, or neither.
 */
@Service
class PartnerResponses {

  /** The stored reply, and whether it had been received before (a repeated delivery of the same reference). */
  public record Received(PartnerResponseView response, boolean alreadyReceived) {
  }

  private final SharingTable records;
  private final PartnerResponseCorrelation correlation;
  private final RuntimeService runtime;
  private final Cases cases;
  private final CurrentUser currentUser;

  PartnerResponses(SharingTable records, PartnerResponseCorrelation correlation, RuntimeService runtime,
      Cases cases, CurrentUser currentUser) {
    this.records = records;
    this.correlation = correlation;
    this.runtime = runtime;
    this.cases = cases;
    this.currentUser = currentUser;
  }

  @Transactional
  public Received receive(String caseId, PartnerResponseRequest reply, String receivedFrom) {
    requireCase(caseId);
    Optional<PartnerResponseView> earlier =
        records.responseWithReference(caseId, reply.agency(), reply.partnerReference());
    if (earlier.isPresent()) {
      return new Received(earlier.get(), true);
    }
    String requestId = records.waitingRequest(caseId, reply.agency()).map(InformationRequestView::id).orElse(null);
    PartnerResponseView saved = records.saveResponse(caseId, reply.agency(), requestId, reply.summary().strip(),
        reply.holdsInformation(), reply.respondedBy().strip(), reply.partnerReference().strip(), receivedFrom);
    // stored first, so that the process reads it when the reply completes the gathering; undone if nobody waits
    if (currentUser.asSystem(() -> correlation.correlate(caseId, reply.agency())) == 0) {
      throw new ConflictException(notWaiting(caseId, reply.agency()));
    }
    return new Received(saved, false);
  }

  private String notWaiting(String caseId, String agency) {
    String why = records.latestRequest(caseId, agency).map(request -> switch (request.status()) {
      case ANSWERED -> "it was answered already";
      case SKIPPED, CLOSED_WITHOUT_REPLY -> "it was closed without a reply";
      case WAITING -> "it is not waiting for a reply";
      case ENDED -> "it ended because the person withdrew consent, so nothing more is received on it";
    }).orElse("the agency was not asked, or the request is still being sent (then try again shortly)");
    return "No information request to " + agency + " on this case is waiting for a reply: " + why + ".";
  }

  /** A reply stored by a concurrent delivery of the same reference. */
  public Optional<PartnerResponseView> earlier(String caseId, PartnerResponseRequest reply) {
    return records.responseWithReference(caseId, reply.agency(), reply.partnerReference());
  }

  public List<PartnerResponseView> responses(String caseId, Collection<String> agencies) {
    requireCase(caseId);
    return records.responsesOfCase(caseId, agencies);
  }

  public List<InformationRequestView> requests(String caseId) {
    requireCase(caseId);
    return records.requestsOfCase(caseId);
  }

  /**
   * The case exists when intake knows it, or, before or without intake's records, when a request was sent for it
   * or a process instance carries it.
   */
  private void requireCase(String caseId) {
    boolean known = records.hasRequests(caseId)
        || cases.exists(caseId)
        || currentUser.asSystem(
            () -> runtime.createProcessInstanceQuery().variableValueEquals("caseId", caseId).count() > 0);
    if (!known) {
      throw new NotFoundException("No case " + caseId);
    }
  }
}

package org.partnershippathways.partners;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.partnershippathways.cases.CaseSummaries;
import org.partnershippathways.cases.CaseSummary;
import org.partnershippathways.consent.SharingPermission;
import org.partnershippathways.consent.SharingPermissions;
import org.partnershippathways.security.Agency;
import org.partnershippathways.security.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The partner gateway: permission check, minimum dataset, request record and disclosure audit, then the agency's
 * adapter.
 *
 * <p>Rule for requests without a recorded consent or lawful basis: anything that names the person needs one in
 * force that covers the agency and the request's purpose ({@link PartnerRequestType#purpose()}) and has not expired.
 * Only a {@link PartnerRequestType#CLOSURE_NOTIFICATION} goes without, because it carries our case reference and
 * the outcome code only (the referrer's agency already knows whom it referred); it is audited with basis NONE.
 *
 * <p>A case a Caldicott guardian restricted is refused before anything else, whatever its consent or lawful basis.
 *
 * <p>The request row and the audit row are written and committed in their own transaction before the partner is
 * called, so a disclosure is on record even when the engine's transaction rolls back afterwards (a failed job).
 * Every transmission is audited, retries included, with the SHA-256 of the exact payload the adapter then sends
 * (the disclosure ledger, {@link LedgerEntry}).
 */
public class AuditedPartnerGateway implements PartnerGateway {

  private static final Logger LOG = LoggerFactory.getLogger(AuditedPartnerGateway.class);

  private final SharingPermissions permissions;
  private final CaseSummaries cases;
  private final Map<Agency, PartnerAdapter> adapters = new EnumMap<>(Agency.class);
  private final PartnerRequestTable requests;
  private final DisclosureAuditTable audit;
  private final TransactionTemplate ownTransaction;
  private final Clock clock;

  /**
   * @param ownTransaction a template with propagation REQUIRES_NEW
   */
  public AuditedPartnerGateway(SharingPermissions permissions, CaseSummaries cases,
      List<PartnerAdapter> adapters, PartnerRequestTable requests, DisclosureAuditTable audit,
      TransactionTemplate ownTransaction, Clock clock) {
    this.permissions = permissions;
    this.cases = cases;
    adapters.forEach(adapter -> this.adapters.put(adapter.agency(), adapter));
    this.requests = requests;
    this.audit = audit;
    this.ownTransaction = ownTransaction;
    this.clock = clock;
  }

  @Override
  public PartnerReceipt send(PartnerRequest request) {
    String key = request.idempotencyKey();
    Optional<PartnerRequestTable.StoredRequest> stored = requests.byKey(key);
    if (stored.isPresent() && stored.get().status() == PartnerRequestStatus.ACCEPTED) {
      LOG.info("Partner request {} was already accepted as {}: not sent again", key, stored.get().partnerReference());
      return new PartnerReceipt(stored.get().partnerReference(), stored.get().acceptedAt());
    }

    if (cases.restricted(request.caseId())) {
      String reason = "Case " + request.caseId() + " is restricted by a Caldicott guardian's decision: nothing more"
          + " about the person is shared, so nothing was sent to " + request.agency().displayName() + " ("
          + request.type() + ")";
      if (stored.isPresent()) {
        ownTransaction.executeWithoutResult(tx -> requests.failed(key, PartnerRequestStatus.REJECTED, reason,
            clock.instant()));
      }
      throw new SharingNotPermittedException(reason);
    }
    SharingPermission permission = permissions.forDisclosure(request.caseId(), request.agency(),
        request.type().purpose()).orElse(null);
    if (permission == null && !MinimumDataset.namesNobody(request.type())) {
      throw new SharingNotPermittedException("Case " + request.caseId() + " has no consent or lawful basis in force"
          + " for " + request.agency().displayName() + " and " + request.type().purpose().words()
          + " (none recorded, not for this agency or purpose, expired or withdrawn): nothing was sent ("
          + request.type() + ")");
    }
    CaseSummary summary = cases.summary(request.caseId())
        .orElseThrow(() -> new IllegalStateException("No case " + request.caseId() + " for a partner request"));
    PartnerAdapter adapter = adapters.get(request.agency());
    if (adapter == null) {
      throw new PartnerUnavailableException("No adapter for " + request.agency(), null);
    }
    OutboundRequest outbound = new OutboundRequest(request,
        MinimumDataset.build(summary, permission == null ? null : permission.scope(), request.agency(),
            request.type()),
        permission);
    String requestedBy = request.requestedBy() == null ? CurrentUser.SYSTEM : request.requestedBy();
    byte[] payload = adapter.payload(outbound);
    String digest = PayloadDigest.of(payload);

    try {
      recordAttempt(request, outbound, digest, requestedBy);
    } catch (DuplicateKeyException anotherNodeInsertedTheKey) {
      recordAttempt(request, outbound, digest, requestedBy);
    }

    try {
      PartnerReceipt receipt = adapter.send(outbound, payload);
      if (receipt.acknowledgedDigest() != null && !receipt.acknowledgedDigest().equalsIgnoreCase(digest)) {
        LOG.warn("{} acknowledged {} with digest {}, but the payload sent has digest {}",
            request.agency().displayName(), key, receipt.acknowledgedDigest(), digest);
      }
      PartnerReceipt recorded = receipt.acceptedAt() == null
          ? new PartnerReceipt(receipt.partnerReference(), clock.instant(), receipt.acknowledgedDigest()) : receipt;
      ownTransaction.executeWithoutResult(status -> requests.accepted(key, recorded, clock.instant()));
      return recorded;
    } catch (PartnerRejectedException e) {
      record(key, PartnerRequestStatus.REJECTED, e);
      throw e;
    } catch (PartnerUnavailableException e) {
      record(key, PartnerRequestStatus.FAILED, e);
      throw e;
    } catch (RuntimeException e) {
      // an adapter's unexpected fault: outcome at the partner unknown, so retry like a transient fault
      record(key, PartnerRequestStatus.FAILED, e);
      throw new PartnerUnavailableException("Unexpected fault sending " + key + ": " + e.getMessage(), e);
    }
  }

  private void recordAttempt(PartnerRequest request, OutboundRequest outbound, String payloadDigest,
      String requestedBy) {
    ownTransaction.executeWithoutResult(status -> {
      String requestId = requests.recordAttempt(request, requestedBy, clock.instant());
      audit.record(requestId, outbound, payloadDigest, requestedBy, clock.instant());
    });
  }

  private void record(String key, PartnerRequestStatus status, RuntimeException e) {
    Instant now = clock.instant();
    ownTransaction.executeWithoutResult(tx -> requests.failed(key, status, e.getMessage(), now));
  }
}

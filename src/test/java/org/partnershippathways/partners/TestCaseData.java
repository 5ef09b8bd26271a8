package org.partnershippathways.partners;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.partnershippathways.cases.CaseSummaries;
import org.partnershippathways.cases.CaseSummary;
import org.partnershippathways.cases.PersonDetails;
import org.partnershippathways.consent.SharingBasis;
import org.partnershippathways.consent.SharingPermission;
import org.partnershippathways.consent.SharingPermissions;
import org.partnershippathways.consent.SharingPurpose;
import org.partnershippathways.consent.SharingScope;
import org.partnershippathways.security.Agency;


/** Test stand-ins for the case summaries and consent's sharing permissions (built elsewhere). */
public class TestCaseData implements CaseSummaries, SharingPermissions {

  private final Map<String, CaseSummary> cases = new ConcurrentHashMap<>();
  private final Map<String, SharingPermission> permissions = new ConcurrentHashMap<>();

  private final Set<String> restricted = ConcurrentHashMap.newKeySet();

  /** Sends through an adapter as the gateway does: its payload, then exactly that payload. */
  public static PartnerReceipt sendThrough(PartnerAdapter adapter, OutboundRequest request) {
    return adapter.send(request, adapter.payload(request));
  }

  @Override
  public boolean restricted(String caseId) {
    return restricted.contains(caseId);
  }

  /** A Caldicott guardian's restriction of the case. */
  public void restrict(String caseId) {
    restricted.add(caseId);
  }

  /** A new case with a person who has an NHS number, and no sharing decision yet. */
  public String newCase() {
    String caseId = UUID.randomUUID().toString();
    String reference = "PP-T-" + caseId.substring(0, 8);
    cases.put(caseId, new CaseSummary(caseId, reference,
        new PersonDetails("Alex", "Example", LocalDate.of(2012, 3, 4), "9434765919", "1 High Street, Leeds", true),
        List.of("NEGLECT"), "Often alone at home", "AMBER", "Rita Referrer", "school", "01130000000", null));
    return caseId;
  }

  public SharingPermission permit(String caseId, SharingBasis basis, SharingScope scope) {
    SharingPermission permission = new SharingPermission(caseId, UUID.randomUUID().toString(), basis,
        basis == SharingBasis.CONSENT ? "given by the person" : "DPA 2018 Sch. 1 para 18: safeguarding", scope,
        "manager", Instant.now());
    permissions.put(caseId, permission);
    return permission;
  }

  public CaseSummary summaryOf(String caseId) {
    return cases.get(caseId);
  }

  @Override
  public Optional<CaseSummary> summary(String caseId) {
    return Optional.ofNullable(cases.get(caseId));
  }

  @Override
  public Optional<SharingPermission> forCase(String caseId) {
    return Optional.ofNullable(permissions.get(caseId));
  }

  /** Permits every agency and purpose: the per-agency rules are consent's, tested there. */
  @Override
  public Optional<SharingPermission> forDisclosure(String caseId, Agency agency, SharingPurpose purpose) {
    return forCase(caseId);
  }
}

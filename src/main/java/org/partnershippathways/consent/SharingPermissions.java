package org.partnershippathways.consent;

import java.util.Optional;
import org.partnershippathways.security.Agency;

/** The sharing decisions in force for a case. Empty means nothing may be shared (with that agency, for that purpose). */
public interface SharingPermissions {

  /** The widest permission in force now, whatever the agency or purpose (what the case allows at most). */
  Optional<SharingPermission> forCase(String caseId);

  /**
   * The permission that lets this agency be told, now, for this purpose: a decision in force that covers the agency
   * and the purpose and has not expired (the widest scope if several do).
   */
  Optional<SharingPermission> forDisclosure(String caseId, Agency agency, SharingPurpose purpose);
}

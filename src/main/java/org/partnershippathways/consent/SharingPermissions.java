package org.partnershippathways.consent;

import java.util.Optional;

/** The sharing decision in force for a case, if any. Empty means nothing may be shared with any partner. */
public interface SharingPermissions {

  Optional<SharingPermission> forCase(String caseId);
}

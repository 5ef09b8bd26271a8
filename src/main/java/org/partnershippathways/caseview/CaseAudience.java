package org.partnershippathways.caseview;

import java.util.Set;
import java.util.stream.Collectors;
import org.partnershippathways.platform.ForbiddenException;
import org.partnershippathways.security.Agency;
import org.partnershippathways.security.CurrentUser;

/**
 * Who reads a case (docs/security.md): the partnership hub (coordinators and managers) reads all of it; an agency's
 * practitioners and managers read only what concerns their agency, and the voluntary sector never a risk rating.
 * Everybody else is refused with a sentence that says who may.
 */
record CaseAudience(boolean hub, Set<String> agencies) {

  static final String WHO_MAY_READ = "Only coordinators, managers and the agencies working on a case may see it.";

  static CaseAudience of(CurrentUser user) {
    if (user.isPartnerSystem()) {
      throw new ForbiddenException(WHO_MAY_READ + " A partner system may only send its agency's replies.");
    }
    if (user.isCoordinator() || user.isManager()) {
      return new CaseAudience(true, Set.of());
    }
    Set<String> agencies = user.agencies().stream().map(Agency::groupId).collect(Collectors.toSet());
    if (agencies.isEmpty()) {
      throw new ForbiddenException(WHO_MAY_READ);
    }
    return new CaseAudience(false, agencies);
  }

  /** Whether an entry meant for these agencies (the hub always) may be shown; a risk rating never to voluntary. */
  boolean sees(Set<String> entryAgencies, boolean showsRisk) {
    return hub || entryAgencies.stream()
        .filter(agency -> !(showsRisk && Agency.VOLUNTARY.groupId().equals(agency)))
        .anyMatch(agencies::contains);
  }

  boolean seesRisk() {
    return hub || agencies.stream().anyMatch(agency -> !Agency.VOLUNTARY.groupId().equals(agency));
  }

  /** "the partnership hub" or "Police and Health (NHS)": whose view of the case this is. */
  String words() {
    return hub ? "the partnership hub" : CodeWords.agencies(agencies);
  }
}

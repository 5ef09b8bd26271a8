package org.partnershippathways.actions;

import java.util.List;
import org.partnershippathways.platform.FieldProblem;
import org.partnershippathways.platform.ForbiddenException;
import org.partnershippathways.platform.InvalidRequestException;
import org.partnershippathways.security.Agency;
import org.partnershippathways.security.CurrentUser;
import org.springframework.stereotype.Service;

/**
 * Who sees which actions, of the cases of their partnerships: coordinators and managers see every action; an
 * agency's practitioners and managers see the actions their agency owns, and nothing else.
 */
@Service
record ActionQueries(ActionTable records, ActionPlan plan, CurrentUser currentUser) {

  List<ActionView> ofCase(String caseId) {
    return records.search(caseId, currentUser.partnerships(), visibleAgencies(null), null, false, plan.today());
  }

  List<ActionView> search(String agency, String status, boolean overdueOnly) {
    if (agency != null && Agency.ofGroupId(agency).isEmpty()) {
      throw new InvalidRequestException("agency", "is not an agency of the pathway: police, health, social-care or"
          + " voluntary");
    }
    if (status != null && !isStatus(status)) {
      throw new InvalidRequestException(List.of(new FieldProblem("status",
          "must be OPEN, DONE, NOT_DONE or NO_LONGER_NEEDED")));
    }
    return records.search(null, currentUser.partnerships(), visibleAgencies(agency), status, overdueOnly,
        plan.today());
  }

  /** The agencies whose actions the caller may see, narrowed to the requested one; null means every agency. */
  private List<String> visibleAgencies(String requested) {
    if (currentUser.isCoordinator() || currentUser.isManager()) {
      return requested == null ? null : List.of(requested);
    }
    List<String> own = currentUser.agencies().stream().map(Agency::groupId).sorted().toList();
    if (own.isEmpty()) {
      throw new ForbiddenException("Only coordinators, managers and partner agencies may see actions");
    }
    if (requested == null) {
      return own;
    }
    if (!own.contains(requested)) {
      throw new ForbiddenException("Your agency may see only its own actions");
    }
    return List.of(requested);
  }

  private static boolean isStatus(String status) {
    for (ActionStatus known : ActionStatus.values()) {
      if (known.name().equals(status)) {
        return true;
      }
    }
    return false;
  }
}

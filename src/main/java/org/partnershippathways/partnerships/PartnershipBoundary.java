package org.partnershippathways.partnerships;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Optional;
import org.partnershippathways.cases.Cases;
import org.partnershippathways.platform.NotFoundException;
import org.partnershippathways.security.CurrentUser;
import org.partnershippathways.security.PathwayGroups;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Our API's one check that a case, action or meeting named in the path belongs to one of the caller's
 * partnerships: another partnership's is unknown (404), whatever the caller's role. (Lists filter by partnership
 * where they read; the engine's own API and the webapps have the engine's tenant check.) Roles that never see a
 * case (process owners, the administrator, monitoring) are refused by the endpoint itself, as before; partner systems
 * serve every partnership their agency is in and reply only to the requests their agency was sent.
 */
@Component
record PartnershipBoundary(Cases cases, CurrentUser currentUser, JdbcClient jdbc) implements HandlerInterceptor {

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (!seesCases()) {
      return true;
    }
    @SuppressWarnings("unchecked")
    Map<String, String> path = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
    if (path == null) {
      return true;
    }
    check(path.get("caseId"), "case", cases::partnershipOf);
    check(path.get("actionId"), "action", id -> partnershipThrough("pathway_action", id));
    check(path.get("meetingId"), "meeting", id -> partnershipThrough("pathway_meeting", id));
    return true;
  }

  private boolean seesCases() {
    return !currentUser.isPartnerSystem() && (currentUser.isCoordinator() || currentUser.isManager()
        || currentUser.isMemberOf(PathwayGroups.OUT_OF_HOURS_DUTY) || !currentUser.agencies().isEmpty());
  }

  private void check(String id, String what, java.util.function.Function<String, Optional<String>> partnershipOf) {
    if (id == null) {
      return;
    }
    Optional<String> partnership = partnershipOf.apply(id);
    if (partnership.isPresent() && !currentUser.partnerships().contains(partnership.get())) {
      throw new NotFoundException("There is no " + what + " " + id + " in your partnership.");
    }
  }

  private Optional<String> partnershipThrough(String table, String id) {
    return jdbc.sql("select c.partnership_id from " + table + " t join pathway_case c on c.id = t.case_id"
        + " where t.id = :id").param("id", id).query(String.class).optional();
  }
}

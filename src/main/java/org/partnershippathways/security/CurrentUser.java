package org.partnershippathways.security;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** The user of the current request, as authenticated against the engine's identity service. */
@Component
public class CurrentUser {

  private final IdentityService identityService;

  public CurrentUser(IdentityService identityService) {
    this.identityService = identityService;
  }

  public Optional<String> userId() {
    return Optional.ofNullable(identityService.getCurrentAuthentication()).map(Authentication::getUserId);
  }

  /** The user id, or an exception when nobody is signed in (our API is never anonymous). */
  public String requireUserId() {
    return userId().orElseThrow(() -> new IllegalStateException("No authenticated user"));
  }

  public List<String> groups() {
    Authentication authentication = identityService.getCurrentAuthentication();
    return authentication == null || authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
  }

  public boolean isMemberOf(String groupId) {
    return groups().contains(groupId);
  }

  /** The agencies the user works for, as practitioner or as manager. */
  public Set<Agency> agencies() {
    return groups().stream()
        .map(group -> group.endsWith("-managers") ? group.substring(0, group.length() - "-managers".length()) : group)
        .map(Agency::ofGroupId)
        .flatMap(Optional::stream)
        .collect(Collectors.toSet());
  }

  public boolean isManager() {
    return isMemberOf(PathwayGroups.MANAGERS);
  }

  public boolean isCoordinator() {
    return isMemberOf(PathwayGroups.COORDINATORS);
  }
}

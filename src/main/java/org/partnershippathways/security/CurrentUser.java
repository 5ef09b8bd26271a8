package org.partnershippathways.security;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.partnershippathways.platform.ForbiddenException;
import org.springframework.stereotype.Component;

/**
 * Who is acting: the one place that says so, for our API, the engine's callbacks and every audit row.
 *
 * <ul>
 *   <li>A <b>user</b> or a <b>partner system</b> (a member of {@code partner-systems}) is whoever is signed in: the
 *       engine's current authentication, set for our API and the engine's REST API by HTTP Basic and for the
 *       webapps by their session.</li>
 *   <li>The <b>system</b> ({@value #SYSTEM}) is the application itself: the job executor, start-up, and work that
 *       our API has already authorised and runs {@link #asSystem as the system}.</li>
 * </ul>
 *
 * <p>The one fallback, for engine work that runs with nobody signed in (a job, or a test driving the engine
 * directly): the user who set the work in motion, that is the assignee of the task being completed, or for a step
 * the assignee of the last task completed in the case (its process instance and the ones that called it); only
 * when there is none, {@value #SYSTEM}.
 */
@Component
public class CurrentUser {

  /** The id recorded for what the application does on its own. */
  public static final String SYSTEM = "system";

  private final IdentityService identityService;

  public CurrentUser(IdentityService identityService) {
    this.identityService = identityService;
  }

  public Optional<String> userId() {
    return signedIn(identityService);
  }

  /** The user id, or an exception when nobody is signed in (our API is never anonymous). */
  public String requireUserId() {
    return userId().orElseThrow(() -> new IllegalStateException("No authenticated user"));
  }

  /** Who is acting: the signed-in user or partner system, else {@value #SYSTEM}. */
  public String actingId() {
    return userId().orElse(SYSTEM);
  }

  public List<String> groups() {
    Authentication authentication = identityService.getCurrentAuthentication();
    return authentication == null || authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
  }

  /** The partnerships (Camunda tenants) the user is a member of: the ones whose cases they may see. */
  public List<String> partnerships() {
    Authentication authentication = identityService.getCurrentAuthentication();
    return authentication == null || authentication.getTenantIds() == null ? List.of()
        : authentication.getTenantIds();
  }

  /** The one partnership a new case of the user belongs to; refused for a user of none or several. */
  public String partnershipToWorkIn() {
    List<String> partnerships = partnerships();
    if (partnerships.size() != 1) {
      throw new ForbiddenException(partnerships.isEmpty()
          ? "Your account belongs to no partnership. Ask your administrator to add you to your partnership."
          : "Your account belongs to several partnerships, so it is not clear which one this is for. Ask your"
              + " administrator for an account in each partnership.");
    }
    return partnerships.get(0);
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

  public boolean isPartnerSystem() {
    return isMemberOf(PathwayGroups.PARTNER_SYSTEMS);
  }

  /**
   * Runs engine calls as the system, without the caller's engine authorizations: for work our API has already
   * authorised (a partner's reply delivered to its case, a coordinator's change to another agency's action). The
   * caller is signed in again afterwards.
   */
  public <T> T asSystem(Supplier<T> work) {
    Authentication caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return work.get();
    } finally {
      if (caller != null) {
        identityService.setAuthentication(caller);
      }
    }
  }

  public void asSystem(Runnable work) {
    asSystem(() -> {
      work.run();
      return null;
    });
  }

  /** Who completes or changes the task: the signed-in user, else its assignee, else {@value #SYSTEM}. */
  public static String actingIn(DelegateTask task) {
    return signedIn(task.getProcessEngineServices().getIdentityService())
        .or(() -> Optional.ofNullable(task.getAssignee()))
        .orElse(SYSTEM);
  }

  /**
   * Who runs the step: the signed-in user, else whoever last completed a task of the case (this process instance
   * and the ones that called it), else {@value #SYSTEM}.
   */
  public static String actingIn(DelegateExecution execution) {
    return signedIn(execution.getProcessEngineServices().getIdentityService())
        .or(() -> lastTaskCompleter(execution))
        .orElse(SYSTEM);
  }

  private static Optional<String> signedIn(IdentityService identityService) {
    return Optional.ofNullable(identityService.getCurrentAuthentication()).map(Authentication::getUserId);
  }

  private static Optional<String> lastTaskCompleter(DelegateExecution execution) {
    List<String> processInstanceIds = new ArrayList<>();
    for (DelegateExecution instance = execution.getProcessInstance(); instance != null;
        instance = instance.getSuperExecution() == null ? null : instance.getSuperExecution().getProcessInstance()) {
      processInstanceIds.add(instance.getId());
    }
    HistoryService history = execution.getProcessEngineServices().getHistoryService();
    return processInstanceIds.stream()
        .flatMap(id -> history.createHistoricTaskInstanceQuery()
            .processInstanceId(id)
            .finished()
            .taskAssigned()
            .orderByHistoricTaskInstanceEndTime().desc()
            .listPage(0, 1).stream())
        .max(Comparator.comparing(HistoricTaskInstance::getEndTime))
        .map(HistoricTaskInstance::getAssignee);
  }
}

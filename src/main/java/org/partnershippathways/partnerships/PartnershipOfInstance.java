package org.partnershippathways.partnerships;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.partnershippathways.cases.Cases;

/**
 * Gives every process instance of a shared model its partnership (its Camunda tenant), so that its tasks, jobs,
 * incidents and history belong to that partnership too:
 *
 * <ul>
 *   <li>a called process, the partnership of the case that called it;</li>
 *   <li>a process a user starts (the concern form, a withdrawal of consent), the user's partnership; a user of several
 *       partnerships starts a case's process in the case's partnership, if it is one of theirs;</li>
 *   <li>a process the application starts (intake, a consent renewal), the partnership of its case ({@code caseId}),
 *       or the one it names ({@value #VARIABLE}).</li>
 * </ul>
 */
class PartnershipOfInstance implements TenantIdProvider {

  /** The partnership a process started by the application belongs to, where it has no case. */
  static final String VARIABLE = "partnershipId";

  private final Cases cases;
  private IdentityService identity;

  PartnershipOfInstance(Cases cases) {
    this.cases = cases;
  }

  void signInsFrom(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext context) {
    DelegateExecution caller = context.getSuperExecution();
    if (caller != null) {
      return caller.getTenantId();
    }
    Optional<String> casePartnership = variable(context.getVariables(), "caseId").flatMap(cases::partnershipOf);
    Authentication user = identity == null ? null : identity.getCurrentAuthentication();
    if (user != null) {
      List<String> own = user.getTenantIds() == null ? List.of() : user.getTenantIds();
      if (casePartnership.isPresent() && own.contains(casePartnership.get())) {
        return casePartnership.get();
      }
      return own.size() == 1 ? own.get(0) : null;
    }
    return casePartnership.or(() -> variable(context.getVariables(), VARIABLE)).orElse(null);
  }

  @Override
  public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext context) {
    return null;
  }

  @Override
  public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext context) {
    return context.getExecution() == null ? null : context.getExecution().getTenantId();
  }

  private static Optional<String> variable(Map<String, Object> variables, String name) {
    return Optional.ofNullable(variables).map(values -> values.get(name))
        .filter(String.class::isInstance).map(String.class::cast);
  }
}

package org.partnershippathways.partnerships;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.partnershippathways.cases.Cases;
import org.springframework.stereotype.Component;

/**
 * Partnerships are Camunda tenants: the models are shared, every instance belongs to its partnership
 * ({@link PartnershipOfInstance}), and a user sees the cases, tasks and history of the partnerships they are a member
 * of (the engine's tenant check, through every door). The partnerships themselves, and their members, are set up
 * with the other identities ({@code security.IdentitySetup}).
 */
@Component
class PartnershipTenants extends AbstractProcessEnginePlugin {

  private final PartnershipOfInstance partnershipOfInstance;

  PartnershipTenants(Cases cases) {
    this.partnershipOfInstance = new PartnershipOfInstance(cases);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setTenantIdProvider(partnershipOfInstance);
    configuration.setTenantCheckEnabled(true);
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    partnershipOfInstance.signInsFrom(engine.getIdentityService());
  }
}

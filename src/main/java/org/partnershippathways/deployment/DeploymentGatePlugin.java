package org.partnershippathways.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Puts the {@link DeploymentGate} before the engine's deployers. What a deployment relies on outside its files is
 * looked up inside the deploying command, without the deploying user's authorizations (a process owner may deploy
 * but not list groups): the groups and deployed forms the engine knows, the beans the application has.
 */
@Component
class DeploymentGatePlugin extends AbstractProcessEnginePlugin {

  private final ListableBeanFactory beans;
  private final Set<String> expressionBeans;

  DeploymentGatePlugin(ListableBeanFactory beans,
      @Value("${pathways.deployment-gate.expression-beans:workingDays,stepUpTimescales}") Set<String> expressionBeans) {
    this.beans = beans;
    this.expressionBeans = expressionBeans;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // the engine lists its deployers in init(), after this; its DMN engine exists only then
    List<Deployer> deployers = configuration.getCustomPreDeployers() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreDeployers());
    deployers.add(new DeploymentGate(new EngineSurroundings(), configuration::getDmnEngine, expressionBeans));
    configuration.setCustomPreDeployers(deployers);
  }

  /** What the engine and the application hold, read inside the deploying command. */
  private final class EngineSurroundings implements Surroundings {

    @Override
    public boolean groupExists(String groupId) {
      CommandContext command = Context.getCommandContext();
      return command.runWithoutAuthorization(() -> command.getProcessEngineConfiguration().getIdentityService()
          .createGroupQuery().groupId(groupId).count() > 0);
    }

    @Override
    public boolean formDeployed(String formId) {
      CommandContext command = Context.getCommandContext();
      return command.runWithoutAuthorization(
          () -> command.getCamundaFormDefinitionManager().findLatestDefinitionByKey(formId) != null);
    }

    @Override
    public Optional<Class<?>> beanType(String beanName) {
      return beans.containsBean(beanName) ? Optional.ofNullable(beans.getType(beanName, false)) : Optional.empty();
    }
  }
}

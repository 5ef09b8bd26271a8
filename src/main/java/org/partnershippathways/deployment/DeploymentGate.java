package org.partnershippathways.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;

/**
 * The deployment gate: every new deployment, however it arrives (Camunda Modeler's Deploy button and any other
 * call of the engine REST API's {@code /deployment/create}, the Java API, the application's own deployment of
 * processes/ at start), passes every rule before anything is stored, and is refused with all the rules it breaks.
 *
 * <p>It is one of the engine's deployers, run before the engine's own ones inside the deployment's transaction:
 * the engine has no public API for a hook that sees a whole deployment (a BPMN parse listener sees one process at a
 * time, not its forms, decisions and sub-processes), so this uses the {@code impl} interface {@link Deployer}.
 * Throwing rolls the transaction back: no deployment, no resource, no definition is written. Deployments the
 * engine only loads again into its cache (not new) are not checked again.
 */
class DeploymentGate implements Deployer {

  private final Surroundings surroundings;
  private final Supplier<DmnEngine> dmnEngine;
  private final Set<String> expressionBeans;

  DeploymentGate(Surroundings surroundings, Supplier<DmnEngine> dmnEngine, Set<String> expressionBeans) {
    this.surroundings = surroundings;
    this.dmnEngine = dmnEngine;
    this.expressionBeans = Set.copyOf(expressionBeans);
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew()) {
      return;
    }
    List<ModelFile> files = new ArrayList<>();
    for (ResourceEntity resource : deployment.getResources().values()) {
      files.add(new ModelFile(resource.getName(), resource.getBytes()));
    }
    List<BrokenRule> broken = check(files);
    if (!broken.isEmpty()) {
      throw new RefusedDeployment(broken);
    }
  }

  List<BrokenRule> check(List<ModelFile> files) {
    List<BrokenRule> broken = new ArrayList<>(ModelConventions.check(files, surroundings));
    broken.addAll(ScriptsAndExpressions.check(files, surroundings, expressionBeans));
    broken.addAll(DecisionContracts.check(files, dmnEngine.get()));
    return broken;
  }
}

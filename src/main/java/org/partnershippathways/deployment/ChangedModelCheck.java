package org.partnershippathways.deployment;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The deployment gate's rules run over a changed model that is only previewed (its impact, its task load), outside a
 * deployment: the same {@link DeploymentGate} checks, with the engine's groups and the application's beans read
 * through the public API. The caller runs it as the system (a process owner may not list groups).
 */
@Component
class ChangedModelCheck {

  private final IdentityService identity;
  private final ListableBeanFactory beans;
  private final Set<String> expressionBeans;
  private final DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

  ChangedModelCheck(IdentityService identity, ListableBeanFactory beans,
      @Value("${pathways.deployment-gate.expression-beans:workingDays,stepUpTimescales}") Set<String> expressionBeans) {
    this.identity = identity;
    this.beans = beans;
    this.expressionBeans = Set.copyOf(expressionBeans);
  }

  /**
   * The rules the files break, as the gate would list them when they were deployed together.
   *
   * @param formDeployed whether a form of that id is already deployed (for start forms bound to the latest)
   */
  List<BrokenRule> check(List<ModelFile> files, Predicate<String> formDeployed) {
    Surroundings surroundings = new Surroundings() {
      @Override
      public boolean groupExists(String groupId) {
        return identity.createGroupQuery().groupId(groupId).count() > 0;
      }

      @Override
      public boolean formDeployed(String formId) {
        return formDeployed.test(formId);
      }

      @Override
      public Optional<Class<?>> beanType(String beanName) {
        return beans.containsBean(beanName) ? Optional.ofNullable(beans.getType(beanName, false)) : Optional.empty();
      }
    };
    return new DeploymentGate(surroundings, () -> dmn, expressionBeans).check(files);
  }

  /** The broken rules as one sentence a process owner reads, element ids as Modeler shows them. */
  static String inWords(List<BrokenRule> broken) {
    List<String> rules = broken.stream().map(rule -> (rule.elementId() == null ? "" : rule.elementId() + ": ")
        + rule.words()).toList();
    return "The deployment gate would refuse it: " + String.join("; ", rules) + ".";
  }
}

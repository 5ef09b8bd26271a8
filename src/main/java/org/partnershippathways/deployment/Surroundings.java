package org.partnershippathways.deployment;

import java.util.Optional;

/** What a deployment may rely on outside its own files: the engine's groups, its deployed forms, our beans. */
interface Surroundings {

  boolean groupExists(String groupId);

  boolean formDeployed(String formId);

  /** The type of the Spring bean of that name, or empty when there is none. */
  Optional<Class<?>> beanType(String beanName);
}

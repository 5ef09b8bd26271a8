package org.partnershippathways.platform;

import java.util.Set;
import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

/**
 * A Cockpit plugin of ours: its id (also its folder of scripts, {@code plugin-webapp/<id>/}) and the one JAX-RS root
 * resource that serves its page's data under Cockpit's own API, so that the Cockpit session authenticates it.
 * A subclass names both in its public no-argument constructor, which Cockpit calls (META-INF/services).
 */
public abstract class OneResourceCockpitPlugin extends AbstractCockpitPlugin {

  private final String id;
  private final Class<?> rootResource;

  protected OneResourceCockpitPlugin(String id, Class<?> rootResource) {
    this.id = id;
    this.rootResource = rootResource;
  }

  @Override
  public String getId() {
    return id;
  }

  @Override
  public Set<Class<?>> getResourceClasses() {
    return Set.of(rootResource);
  }
}

package org.partnershippathways.migration.cockpit;

import java.util.Set;
import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

/**
 * The Cockpit plugin "Pathway changes" (registered in META-INF/services): its page,
 * plugin-webapp/pathway-changes/app/plugin.js, lists the versions with running cases, previews a move of running
 * cases to another version and starts it, through {@link PathwayChangesPluginRootResource} under Cockpit's own API
 * (the Cockpit session authenticates it).
 */
public class PathwayChangesCockpitPlugin extends AbstractCockpitPlugin {

  public static final String ID = "pathway-changes";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public Set<Class<?>> getResourceClasses() {
    return Set.of(PathwayChangesPluginRootResource.class);
  }
}

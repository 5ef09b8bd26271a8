package org.partnershippathways.timings.cockpit;

import java.util.Set;
import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

/**
 * The Cockpit plugin "Pathway timings" (registered in META-INF/services). Its page, plugin-webapp/pathway-timings/
 * app/plugin.js, reads the figures from {@link TimingsPluginRootResource} under Cockpit's own API, so the Cockpit
 * session authenticates it; our HTTP Basic API is not involved.
 */
public class TimingsCockpitPlugin extends AbstractCockpitPlugin {

  public static final String ID = "pathway-timings";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public Set<Class<?>> getResourceClasses() {
    return Set.of(TimingsPluginRootResource.class);
  }
}

package org.partnershippathways.timings.cockpit;

import org.partnershippathways.platform.OneResourceCockpitPlugin;

/**
 * The Cockpit plugin "Pathway timings" (registered in META-INF/services). Its page, plugin-webapp/pathway-timings/
 * app/plugin.js, reads the figures from {@link TimingsPluginRootResource} under Cockpit's own API, so the Cockpit
 * session authenticates it; our HTTP Basic API is not involved.
 */
public class TimingsCockpitPlugin extends OneResourceCockpitPlugin {

  public static final String ID = "pathway-timings";

  public TimingsCockpitPlugin() {
    super(ID, TimingsPluginRootResource.class);
  }
}

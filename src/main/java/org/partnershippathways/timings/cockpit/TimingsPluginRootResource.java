package org.partnershippathways.timings.cockpit;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;

/** {@code /camunda/api/cockpit/plugin/pathway-timings/...}: the plugin's script and its data. */
@Path("plugin/" + TimingsCockpitPlugin.ID)
public class TimingsPluginRootResource extends AbstractCockpitPluginRootResource {

  public TimingsPluginRootResource() {
    super(TimingsCockpitPlugin.ID);
  }

  @Path("{engineName}/timings")
  public TimingsPluginResource timings(@PathParam("engineName") String engineName) {
    return subResource(new TimingsPluginResource(engineName), engineName);
  }
}

package org.partnershippathways.migration.cockpit;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;

/** {@code /camunda/api/cockpit/plugin/pathway-changes/...}: the plugin's script and its data. */
@Path("plugin/" + PathwayChangesCockpitPlugin.ID)
public class PathwayChangesPluginRootResource extends AbstractCockpitPluginRootResource {

  public PathwayChangesPluginRootResource() {
    super(PathwayChangesCockpitPlugin.ID);
  }

  @Path("{engineName}/changes")
  public PathwayChangesPluginResource changes(@PathParam("engineName") String engineName) {
    return subResource(new PathwayChangesPluginResource(engineName), engineName);
  }
}

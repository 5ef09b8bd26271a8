package org.partnershippathways.caseview.tasklist;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.camunda.bpm.tasklist.resource.AbstractTasklistPluginRootResource;

/** {@code /camunda/api/tasklist/plugin/pathway-case/...}: the plugin's script and its data (a task's facts, a case's summary and chronology). */
@Path("plugin/" + CaseTasklistPlugin.ID)
public class CasePluginRootResource extends AbstractTasklistPluginRootResource {

  public CasePluginRootResource() {
    super(CaseTasklistPlugin.ID);
  }

  @Path("{engineName}")
  public CasePluginResource engine(@PathParam("engineName") String engineName) {
    return subResource(new CasePluginResource(engineName), engineName);
  }
}

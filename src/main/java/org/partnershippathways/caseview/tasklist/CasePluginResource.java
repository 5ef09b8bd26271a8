package org.partnershippathways.caseview.tasklist;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.partnershippathways.platform.NotFoundException;
import org.partnershippathways.platform.ProblemResponses;
import org.camunda.bpm.tasklist.resource.AbstractTasklistPluginResource;

/**
 * A task's facts for Tasklist's signed-in user: the same answer and the same rules as
 * {@code GET /api/tasks/{taskId}/facts} (a task the user may not see answers 404).
 */
public class CasePluginResource extends AbstractTasklistPluginResource {

  public CasePluginResource(String engineName) {
    super(engineName);
  }

  @GET
  @Path("{taskId}/facts")
  public Response facts(@PathParam("taskId") String taskId) {
    try {
      return Response.ok(CasePluginBridge.json(CasePluginBridge.facts(taskId)), MediaType.APPLICATION_JSON)
          .build();
    } catch (NotFoundException e) {
      return Response.status(404).entity(ProblemResponses.json(404, e.getMessage(), Map.of()))
          .type(ProblemResponses.PROBLEM_JSON).build();
    }
  }
}

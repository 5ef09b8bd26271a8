package org.partnershippathways.caseview.tasklist;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.tasklist.resource.AbstractTasklistPluginResource;
import org.partnershippathways.platform.ForbiddenException;
import org.partnershippathways.platform.NotFoundException;
import org.partnershippathways.platform.ProblemResponses;

/**
 * A task's facts, and a case's summary and chronology, for Tasklist's signed-in user: the same answers and the
 * same rules as {@code GET /api/tasks/{taskId}/facts}, {@code GET /api/cases/{caseId}} and
 * {@code GET /api/cases/{caseId}/chronology} (403 and 404 as sentences).
 */
public class CasePluginResource extends AbstractTasklistPluginResource {

  public CasePluginResource(String engineName) {
    super(engineName);
  }

  @GET
  @Path("tasks/{taskId}/facts")
  public Response facts(@PathParam("taskId") String taskId) {
    return answer(() -> CasePluginBridge.facts().of(taskId));
  }

  @GET
  @Path("cases/{caseId}")
  public Response summary(@PathParam("caseId") String caseId) {
    return answer(() -> CasePluginBridge.cases().summary(caseId));
  }

  @GET
  @Path("cases/{caseId}/chronology")
  public Response chronology(@PathParam("caseId") String caseId) {
    return answer(() -> CasePluginBridge.cases().chronology(caseId));
  }

  private static Response answer(Supplier<Object> read) {
    try {
      return Response.ok(CasePluginBridge.json(read.get()), MediaType.APPLICATION_JSON).build();
    } catch (NotFoundException e) {
      return problem(404, e.getMessage());
    } catch (ForbiddenException e) {
      return problem(403, e.getMessage());
    }
  }

  private static Response problem(int status, String sentence) {
    return Response.status(status).entity(ProblemResponses.json(status, sentence, Map.of()))
        .type(ProblemResponses.PROBLEM_JSON).build();
  }
}

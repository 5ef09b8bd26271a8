package org.partnershippathways.caseview.tasklist;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.tasklist.resource.AbstractTasklistPluginResource;
import org.partnershippathways.platform.ForbiddenException;
import org.partnershippathways.platform.InvalidRequestException;
import org.partnershippathways.platform.NotFoundException;
import org.partnershippathways.platform.ProblemResponses;

/**
 * A task's facts, a case's summary and chronology, and the hub's case search, for Tasklist's signed-in user: the
 * same answers and the same rules as {@code GET /api/tasks/{taskId}/facts}, {@code GET /api/cases/{caseId}},
 * {@code GET /api/cases/{caseId}/chronology} and {@code GET /api/cases?query=} (400, 403 and 404 as sentences).
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

  @GET
  @Path("cases")
  public Response search(@QueryParam("query") String query) {
    return answer(() -> CasePluginBridge.cases().search(query));
  }

  /** 204 when the signed-in user may search cases (the hub), else 403: Tasklist shows "Find a case" to them only. */
  @GET
  @Path("cases/search-access")
  public Response searchAccess() {
    return CasePluginBridge.cases().maySearch() ? Response.noContent().build()
        : problem(403, "Only coordinators and managers may search cases; an agency finds its cases through its tasks.");
  }

  private static Response answer(Supplier<Object> read) {
    try {
      return Response.ok(CasePluginBridge.json(read.get()), MediaType.APPLICATION_JSON).build();
    } catch (NotFoundException e) {
      return problem(404, e.getMessage());
    } catch (ForbiddenException e) {
      return problem(403, e.getMessage());
    } catch (InvalidRequestException e) {
      return Response.status(400).entity(ProblemResponses.json(400, e.problems().get(0).message(),
          Map.of("errors", e.problems()))).type(ProblemResponses.PROBLEM_JSON).build();
    }
  }

  private static Response problem(int status, String sentence) {
    return Response.status(status).entity(ProblemResponses.json(status, sentence, Map.of()))
        .type(ProblemResponses.PROBLEM_JSON).build();
  }
}

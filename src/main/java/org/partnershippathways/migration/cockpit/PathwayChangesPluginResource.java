package org.partnershippathways.migration.cockpit;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginResource;
import org.partnershippathways.deployment.ProcessChangesForCockpit;
import org.partnershippathways.migration.PathwayChangesForCockpit;
import org.partnershippathways.platform.ForbiddenException;
import org.partnershippathways.platform.InvalidRequestException;
import org.partnershippathways.platform.ProblemResponses;

/**
 * Pathway changes for Cockpit's signed-in user: the same answers and rules as {@code /api/pathway-changes}
 * (process owners and managers only, 403 otherwise; 400 naming each field), as problem details.
 */
public class PathwayChangesPluginResource extends AbstractCockpitPluginResource {

  public PathwayChangesPluginResource(String engineName) {
    super(engineName);
  }

  /** 204 for process owners and managers, 403 for others: the menu entry shows only to them. */
  @GET
  @Path("access")
  public Response access() {
    return answer(() -> {
      PathwayChangesForCockpit.checkAccess();
      return null;
    }, 204);
  }

  @GET
  @Path("versions")
  @Produces(MediaType.APPLICATION_JSON)
  public Response versions() {
    return answer(PathwayChangesForCockpit::versions, 200);
  }

  @POST
  @Path("preview")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response preview(String body) {
    return answer(() -> PathwayChangesForCockpit.preview(body), 200);
  }

  @POST
  @Path("migrations")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response migrate(String body) {
    return answer(() -> PathwayChangesForCockpit.migrate(body), 202);
  }

  @GET
  @Path("migrations")
  @Produces(MediaType.APPLICATION_JSON)
  public Response migrations() {
    return answer(PathwayChangesForCockpit::migrations, 200);
  }

  /** What a changed decision table would have changed on the last {@code decisions} recorded cases. */
  @POST
  @Path("decision-impact")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response decisionImpact(String body, @QueryParam("decisions") String decisions) {
    return answer(() -> ProcessChangesForCockpit.decisionImpact(body, decisions), 200);
  }

  /** Each group's weekly task load under the deployed version of a process and under a changed model of it. */
  @POST
  @Path("task-load-forecast")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response taskLoadForecast(String body, @QueryParam("weeks") String weeks) {
    return answer(() -> ProcessChangesForCockpit.taskLoadForecast(body, weeks), 200);
  }

  private static Response answer(Supplier<String> work, int status) {
    try {
      String json = work.get();
      return json == null ? Response.status(status).build()
          : Response.status(status).entity(json).type(MediaType.APPLICATION_JSON).build();
    } catch (ForbiddenException e) {
      return problem(403, e.getMessage(), Map.of());
    } catch (InvalidRequestException e) {
      return problem(400, "The request has " + e.problems().size() + " invalid field(s).",
          Map.of("errors", e.problems()));
    }
  }

  private static Response problem(int status, String sentence, Map<String, Object> properties) {
    return Response.status(status).entity(ProblemResponses.json(status, sentence, properties))
        .type(ProblemResponses.PROBLEM_JSON).build();
  }
}

package org.partnershippathways.timings.cockpit;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginResource;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.partnershippathways.platform.InvalidRequestException;
import org.partnershippathways.security.PathwayGroups;

/**
 * The timings for Cockpit's signed-in user: the same figures and the same rules as {@code /api/timings} (managers
 * only, 403 otherwise; 400 with a message per field), answered in the same problem-details shape.
 */
public class TimingsPluginResource extends AbstractCockpitPluginResource {

  private static final String PROBLEM_JSON = "application/problem+json";

  public TimingsPluginResource(String engineName) {
    super(engineName);
  }

  /** 204 for managers, 403 for others: the plugin shows its menu entry only to managers. */
  @GET
  @Path("access")
  public Response access() {
    return isManager() ? Response.noContent().build() : forbidden();
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response report(@QueryParam("from") String from, @QueryParam("to") String to) {
    if (!isManager()) {
      return forbidden();
    }
    try {
      return Response.ok(TimingsPluginBridge.json(TimingsPluginBridge.timings().of(partnerships()).report(from, to)),
          MediaType.APPLICATION_JSON).build();
    } catch (InvalidRequestException e) {
      return invalid(e);
    }
  }

  @GET
  @Path("csv")
  public Response csv(@QueryParam("from") String from, @QueryParam("to") String to,
      @QueryParam("table") String table) {
    if (!isManager()) {
      return forbidden();
    }
    try {
      TimingsPluginBridge.Csv csv = TimingsPluginBridge.csv(partnerships(), from, to, table);
      return Response.ok(csv.body(), "text/csv;charset=UTF-8")
          .header("Content-Disposition", csv.contentDisposition()).build();
    } catch (InvalidRequestException e) {
      return invalid(e);
    }
  }

  /** The manager's partnerships (the webapp's sign-in carries them as tenants). */
  private List<String> partnerships() {
    Authentication authentication = getCurrentAuthentication();
    return authentication == null || authentication.getTenantIds() == null ? List.of()
        : authentication.getTenantIds();
  }

  private boolean isManager() {
    Authentication authentication = getCurrentAuthentication();
    return authentication != null && authentication.getGroupIds() != null
        && authentication.getGroupIds().contains(PathwayGroups.MANAGERS);
  }

  private static Response forbidden() {
    return problem(403, "Forbidden", "Pathway timings are for pathway managers only.", null);
  }

  private static Response invalid(InvalidRequestException e) {
    return problem(400, "Invalid request", "The request has " + e.problems().size() + " invalid field(s).",
        e.problems().stream().map(p -> Map.of("field", p.field(), "message", p.message())).toList());
  }

  private static Response problem(int status, String title, String detail, List<Map<String, String>> errors) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    body.put("title", title);
    body.put("status", status);
    body.put("detail", detail);
    if (errors != null) {
      body.put("errors", errors);
    }
    return Response.status(status).entity(TimingsPluginBridge.json(body)).type(PROBLEM_JSON).build();
  }
}

package io.switchboard.sla.api;

import io.smallrye.mutiny.Uni;
import io.switchboard.sla.calendar.Calendars;
import io.switchboard.sla.policy.PolicyStore;
import io.switchboard.sla.policy.PolicySync;
import io.switchboard.sla.policy.Retargeting;
import io.switchboard.sla.policy.SlaPolicy;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.logging.Logger;

/**
 * Reads and replaces the SLA policy. A replacement is stored, reaches the other instances within
 * seconds, and moves the pending deadlines it affects.
 */
@Path("/sla/policy")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"supervisor", "admin"})
@APIResponse(responseCode = "401", description = "No bearer token, or one that does not verify")
@APIResponse(responseCode = "403", description = "The token lacks the role")
public class PolicyResource {
  private static final Logger LOG = Logger.getLogger(PolicyResource.class);

  private final PolicyStore policy;
  private final PolicySync sync;
  private final Calendars calendars;
  private final Retargeting retargeting;

  public PolicyResource(
      PolicyStore policy, PolicySync sync, Calendars calendars, Retargeting retargeting) {
    this.policy = policy;
    this.sync = sync;
    this.calendars = calendars;
    this.retargeting = retargeting;
  }

  public record PolicyDto(List<RuleDto> rules, Set<String> calendars) {}

  public record Replaced(List<RuleDto> rules, int inquiriesRetargeted) {}

  public record Problem(String title, int status, String detail) {}

  @GET
  @Operation(
      summary = "The SLA policy in force",
      description = "Its rules and the names of the business calendars.")
  @APIResponse(
      responseCode = "200",
      description = "The policy",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "200",
                      value =
                          "{\"rules\":[{\"name\":\"chat\",\"clock\":\"FIRST_RESPONSE\","
                              + "\"channels\":[\"CHAT\"],\"target\":\"PT2M\"},{\"name\":\"first\","
                              + "\"clock\":\"FIRST_RESPONSE\",\"target\":\"PT1H\",\"calendar\":\"office\"},"
                              + "{\"name\":\"next\",\"clock\":\"NEXT_RESPONSE\",\"target\":\"PT1H\"},"
                              + "{\"name\":\"resolution\",\"clock\":\"RESOLUTION\",\"target\":\"PT16H\"}]}")))
  @APIResponse(responseCode = "406", description = "The Accept header excludes application/json")
  public PolicyDto get() {
    return new PolicyDto(
        policy.current().rules().stream().map(RuleDto::of).toList(), calendars.names());
  }

  @PUT
  @RolesAllowed("admin")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Replace the SLA policy",
      description =
          "Stored, in force on every instance within seconds; open deadlines are recomputed.")
  @RequestBody(
      required = true,
      description = "The new rules; every clock needs a catch-all rule",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "request",
                      value =
                          "{\"rules\":[{\"name\":\"chat\",\"clock\":\"FIRST_RESPONSE\","
                              + "\"channels\":[\"CHAT\"],\"target\":\"PT2M\"},{\"name\":\"first\","
                              + "\"clock\":\"FIRST_RESPONSE\",\"target\":\"PT1H\",\"calendar\":\"office\"},"
                              + "{\"name\":\"next\",\"clock\":\"NEXT_RESPONSE\",\"target\":\"PT1H\"},"
                              + "{\"name\":\"resolution\",\"clock\":\"RESOLUTION\",\"target\":\"PT16H\"}]}")))
  @APIResponse(
      responseCode = "200",
      description = "The rules now in force and how many inquiries got new deadlines",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "200",
                      value =
                          "{\"rules\":[{\"name\":\"first\",\"clock\":\"FIRST_RESPONSE\","
                              + "\"target\":\"PT1H\"}],\"inquiriesRetargeted\":3}")))
  @APIResponse(
      responseCode = "400",
      description = "A clock without a catch-all rule, an unknown calendar or an unreadable rule",
      content =
          @Content(
              mediaType = "application/problem+json",
              examples =
                  @ExampleObject(
                      name = "no catch-all",
                      value =
                          "{\"title\":\"Invalid SLA policy\",\"status\":400,"
                              + "\"detail\":\"RESOLUTION has no catch-all rule\"}")))
  public Uni<Response> replace(PolicyDto body) {
    SlaPolicy replacement;
    try {
      if (body == null || body.rules() == null) {
        throw new IllegalArgumentException("the body needs rules");
      }
      replacement = new SlaPolicy(body.rules().stream().map(RuleDto::toRule).toList());
      policy.check(replacement);
    } catch (IllegalArgumentException | NullPointerException e) {
      return Uni.createFrom()
          .item(
              Response.status(400)
                  .type("application/problem+json")
                  .entity(new Problem("Invalid SLA policy", 400, e.getMessage()))
                  .build());
    }
    LOG.infof("SLA policy replaced: %d rules", replacement.rules().size());
    return sync.save(replacement)
        .chain(retargeting::all)
        .map(
            count ->
                Response.ok(
                        new Replaced(replacement.rules().stream().map(RuleDto::of).toList(), count))
                    .build());
  }
}

package io.switchboard.sla.api;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.ClockKind;
import io.switchboard.sla.clock.ClockStore;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The clocks of an inquiry, for operators and integrators. */
@Path("/sla/inquiries/{inquiryId}/clocks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"operator", "supervisor", "admin"})
@APIResponse(responseCode = "401", description = "No bearer token, or one that does not verify")
@APIResponse(responseCode = "403", description = "The token lacks the role")
public class ClockResource {
  private final ClockStore store;

  public ClockResource(ClockStore store) {
    this.store = store;
  }

  public record ClockDto(
      ClockKind clock,
      String status,
      String rule,
      Instant startedAt,
      Instant dueAt,
      long targetSeconds,
      String calendar,
      Instant pausedAt,
      Instant stoppedAt,
      Boolean met) {}

  @GET
  @WithSession
  @Operation(
      summary = "An inquiry's SLA clocks",
      description =
          "First response, next response and resolution: status, rule, due time and whether it was met.")
  @APIResponse(
      responseCode = "200",
      description = "The clocks",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "200",
                      value =
                          "[{\"clock\":\"FIRST_RESPONSE\",\"status\":\"RUNNING\",\"rule\":\"first\","
                              + "\"startedAt\":\"2026-11-23T09:00:00Z\",\"dueAt\":\"2026-11-23T10:00:00Z\","
                              + "\"targetSeconds\":3600,\"calendar\":\"office\"}]")))
  @APIResponse(
      responseCode = "404",
      description = "No clocks for this inquiry, or the id is not a UUID")
  public Uni<List<ClockDto>> clocks(@PathParam("inquiryId") UUID inquiryId) {
    return store
        .clocksOf(List.of(inquiryId))
        .map(
            clocks -> {
              if (clocks.isEmpty()) {
                throw new NotFoundException();
              }
              return clocks.stream()
                  .map(
                      c ->
                          new ClockDto(
                              c.kind,
                              c.status.name(),
                              c.rule,
                              c.startedAt,
                              c.dueAt,
                              c.targetSeconds,
                              c.calendar,
                              c.pausedAt,
                              c.stoppedAt,
                              c.met))
                  .toList();
            });
  }
}

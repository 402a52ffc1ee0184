package io.switchboard.sla.api;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.ClockKind;
import io.switchboard.sla.clock.SlaClock;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The clocks of an inquiry, for operators and integrators. */
@Path("/sla/inquiries/{inquiryId}/clocks")
@Produces(MediaType.APPLICATION_JSON)
public class ClockResource {

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
  public Uni<List<ClockDto>> clocks(@PathParam("inquiryId") UUID inquiryId) {
    return SlaClock.allOf(inquiryId)
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

package io.switchboard.routing.segment;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Customer segments, set by supervisors and admins, read by anyone signed in. */
@Path("/api/customers/{customerId}/segment")
@SecurityRequirement(name = "bearerJwt")
@APIResponse(responseCode = "401", description = "No bearer token, or one that does not verify")
@APIResponse(responseCode = "403", description = "The token lacks a role this endpoint needs")
public class SegmentResource {

  public record SegmentBody(String segment) {}

  @GET
  @RolesAllowed({"operator", "supervisor", "admin"})
  @WithSession
  @Operation(
      summary = "Read a customer's segment",
      description = "The customer key is the customer id, e-mail or phone.")
  @APIResponse(
      responseCode = "200",
      description = "The segment",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "200", value = "{\"segment\":\"key-account\"}")))
  @APIResponse(responseCode = "404", description = "No segment set for this customer")
  public Uni<SegmentBody> get(@PathParam("customerId") String customerId) {
    return CustomerSegment.<CustomerSegment>findById(customerId)
        .onItem()
        .ifNull()
        .failWith(NotFoundException::new)
        .map(s -> new SegmentBody(s.segment));
  }

  @PUT
  @RolesAllowed({"supervisor", "admin"})
  @WithTransaction
  @Operation(
      summary = "Set a customer's segment (supervisor, admin)",
      description = "Priority rules may match on it, e.g. key-account.")
  @RequestBody(
      required = true,
      description = "The segment",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "request", value = "{\"segment\":\"key-account\"}")))
  @APIResponse(
      responseCode = "200",
      description = "The segment now set",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "200", value = "{\"segment\":\"key-account\"}")))
  @APIResponse(responseCode = "400", description = "segment must match [a-z0-9-]{1,40}")
  public Uni<SegmentBody> put(@PathParam("customerId") String customerId, SegmentBody body) {
    if (body == null || body.segment() == null || !body.segment().matches("[a-z0-9-]{1,40}")) {
      throw new jakarta.ws.rs.BadRequestException("segment must match [a-z0-9-]{1,40}");
    }
    return CustomerSegment.<CustomerSegment>findById(customerId)
        .chain(
            existing -> {
              CustomerSegment segment = existing != null ? existing : new CustomerSegment();
              segment.customerId = customerId;
              segment.segment = body.segment();
              segment.updatedAt = Instant.now();
              return segment.<CustomerSegment>persist();
            })
        .map(s -> new SegmentBody(s.segment));
  }
}

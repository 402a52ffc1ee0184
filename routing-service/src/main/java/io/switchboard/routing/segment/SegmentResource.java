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
import java.time.Instant;

/** Customer segments, set by supervisors and admins, read by anyone signed in. */
@Path("/api/customers/{customerId}/segment")
public class SegmentResource {

  public record SegmentBody(String segment) {}

  @GET
  @RolesAllowed({"operator", "supervisor", "admin"})
  @WithSession
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

package io.switchboard.routing.api;

import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Refused state moves and invalid directory entries answer 409 and 400 with the reason. */
public class ConflictMapper {
  public record Problem(String error) {}

  @ServerExceptionMapper
  public Response conflict(IllegalStateException e) {
    return Response.status(Response.Status.CONFLICT).entity(new Problem(e.getMessage())).build();
  }

  @ServerExceptionMapper
  public Response invalid(IllegalArgumentException e) {
    return Response.status(Response.Status.BAD_REQUEST).entity(new Problem(e.getMessage())).build();
  }
}

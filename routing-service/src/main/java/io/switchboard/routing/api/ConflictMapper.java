package io.switchboard.routing.api;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Refused state moves answer 409, invalid requests and directory entries 400, both as RFC 9457
 * {@code application/problem+json} with the reason as detail.
 */
public class ConflictMapper {
  static final String PROBLEM_JSON = "application/problem+json";

  /** The RFC 9457 members this service fills. */
  public record Problem(String type, String title, int status, String detail) {}

  @ServerExceptionMapper
  public Response conflict(IllegalStateException e) {
    return problem(Response.Status.CONFLICT, "Not possible in the inquiry's state", e.getMessage());
  }

  @ServerExceptionMapper
  public Response invalid(IllegalArgumentException e) {
    return problem(Response.Status.BAD_REQUEST, "Invalid request", e.getMessage());
  }

  @ServerExceptionMapper
  public Response badRequest(BadRequestException e) {
    return problem(Response.Status.BAD_REQUEST, "Invalid request", e.getMessage());
  }

  private static Response problem(Response.Status status, String title, String detail) {
    return Response.status(status)
        .type(PROBLEM_JSON)
        .entity(new Problem("about:blank", title, status.getStatusCode(), detail))
        .build();
  }
}

package io.switchboard.routing.directory;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.switchboard.platform.retry.Conflicts;
import io.switchboard.routing.directory.DirectorySpec.OperatorSpec;
import io.switchboard.routing.directory.DirectorySpec.TeamSpec;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The admin API of the operator directory; bodies use the directory file's format. */
@Path("/api/admin")
@SecurityRequirement(name = "bearerJwt")
@APIResponse(responseCode = "401", description = "No bearer token, or one that does not verify")
@APIResponse(responseCode = "403", description = "The token lacks a role this endpoint needs")
public class DirectoryResource {
  private final DirectoryStore store;

  public DirectoryResource(DirectoryStore store) {
    this.store = store;
  }

  @GET
  @Path("directory")
  @RolesAllowed({"supervisor", "admin"})
  @WithSession
  @Operation(
      summary = "Read the operator directory",
      description = "Teams and operators in the directory file's format.")
  @APIResponse(
      responseCode = "200",
      description = "The directory",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "200",
                      value =
                          "{\"teams\":[{\"id\":\"support\",\"name\":\"Support\","
                              + "\"routingMode\":\"LEAST_LOADED\"}],\"operators\":[{\"id\":\"anna\","
                              + "\"team\":\"support\",\"capacity\":{\"default\":5}}]}")))
  public Uni<DirectorySpec> directory() {
    return store.all();
  }

  @PUT
  @Path("teams/{id}")
  @RolesAllowed("admin")
  @Operation(
      summary = "Create or replace a team",
      description = "The path's id wins over one in the body.")
  @RequestBody(
      required = true,
      description = "The team",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "request",
                      value =
                          "{\"name\":\"Support\",\"supervisor\":\"lead-1\","
                              + "\"routingMode\":\"LEAST_LOADED\"}")))
  @APIResponse(
      responseCode = "200",
      description = "The team as stored",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "200",
                      value =
                          "{\"id\":\"support\",\"name\":\"Support\",\"supervisor\":\"lead-1\","
                              + "\"routingMode\":\"LEAST_LOADED\"}")))
  @APIResponse(responseCode = "400", description = "No body, or an invalid team")
  public Uni<TeamSpec> team(@PathParam("id") String id, TeamSpec body) {
    if (body == null) {
      throw new BadRequestException("team body required");
    }
    TeamSpec team = new TeamSpec(id, body.name(), body.supervisor(), body.routingMode());
    return Conflicts.retry(() -> Panache.withTransaction(() -> store.upsert(team)));
  }

  @PUT
  @Path("operators/{id}")
  @RolesAllowed("admin")
  @Operation(
      summary = "Create or replace an operator",
      description = "Skills, capacity per channel and schedule; the path's id wins.")
  @RequestBody(
      required = true,
      description = "The operator",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "request",
                      value =
                          "{\"team\":\"support\",\"name\":\"Anna\",\"email\":\"anna@example.com\","
                              + "\"languages\":[\"ru\",\"en\"],\"channels\":[\"CHAT\",\"EMAIL\"],"
                              + "\"capacity\":{\"default\":5,\"CHAT\":3},\"schedule\":{"
                              + "\"timeZone\":\"Europe/Moscow\",\"shifts\":[{\"days\":[\"MONDAY\"],"
                              + "\"start\":\"09:00\",\"end\":\"18:00\"}]}}")))
  @APIResponse(
      responseCode = "200",
      description = "The operator as stored",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "200",
                      value =
                          "{\"team\":\"support\",\"name\":\"Anna\",\"email\":\"anna@example.com\","
                              + "\"languages\":[\"ru\",\"en\"],\"channels\":[\"CHAT\",\"EMAIL\"],"
                              + "\"capacity\":{\"default\":5,\"CHAT\":3},\"schedule\":{"
                              + "\"timeZone\":\"Europe/Moscow\",\"shifts\":[{\"days\":[\"MONDAY\"],"
                              + "\"start\":\"09:00\",\"end\":\"18:00\"}]}}")))
  @APIResponse(
      responseCode = "400",
      description = "No body, or an invalid operator (unknown team, bad shift)")
  public Uni<OperatorSpec> operator(@PathParam("id") String id, OperatorSpec body) {
    if (body == null) {
      throw new BadRequestException("operator body required");
    }
    OperatorSpec operator =
        new OperatorSpec(
            id,
            body.team(),
            body.name(),
            body.email(),
            body.alwaysPresent(),
            body.languages(),
            body.topics(),
            body.channels(),
            body.capacity(),
            body.schedule());
    return Conflicts.retry(() -> Panache.withTransaction(() -> store.upsert(operator)));
  }
}

package io.switchboard.routing.directory;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.switchboard.routing.directory.DirectorySpec.OperatorSpec;
import io.switchboard.routing.directory.DirectorySpec.TeamSpec;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** The admin API of the operator directory; bodies use the directory file's format. */
@Path("/api/admin")
public class DirectoryResource {
  private final DirectoryStore store;

  public DirectoryResource(DirectoryStore store) {
    this.store = store;
  }

  @GET
  @Path("directory")
  @RolesAllowed({"supervisor", "admin"})
  @WithSession
  public Uni<DirectorySpec> directory() {
    return store.all();
  }

  @PUT
  @Path("teams/{id}")
  @RolesAllowed("admin")
  @WithTransaction
  public Uni<TeamSpec> team(@PathParam("id") String id, TeamSpec body) {
    if (body == null) {
      throw new BadRequestException("team body required");
    }
    return store.upsert(new TeamSpec(id, body.name(), body.supervisor(), body.routingMode()));
  }

  @PUT
  @Path("operators/{id}")
  @RolesAllowed("admin")
  @WithTransaction
  public Uni<OperatorSpec> operator(@PathParam("id") String id, OperatorSpec body) {
    if (body == null) {
      throw new BadRequestException("operator body required");
    }
    return store.upsert(
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
            body.schedule()));
  }
}

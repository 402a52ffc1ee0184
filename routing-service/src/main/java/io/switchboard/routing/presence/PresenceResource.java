package io.switchboard.routing.presence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.switchboard.platform.retry.Conflicts;
import io.switchboard.routing.RoutingConfig;
import io.switchboard.routing.directory.Operator;
import io.switchboard.routing.directory.Presence;
import io.switchboard.routing.directory.PresenceRules;
import io.switchboard.routing.queue.QueueDrainer;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.LockModeType;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.jboss.logging.Logger;

/**
 * The signed-in operator's presence: set explicitly, kept alive by heartbeats. A change locks the
 * operator row only; when it makes the operator available again, the team's queue is drained
 * afterwards in a transaction of its own, which locks the team first ({@link
 * io.switchboard.routing.Locks}), and sees the presence already committed.
 */
@Path("/api/operators/me")
@SecurityRequirement(name = "bearerJwt")
@APIResponse(responseCode = "401", description = "No bearer token, or one that does not verify")
@APIResponse(responseCode = "403", description = "The token lacks a role this endpoint needs")
@RolesAllowed({"operator", "supervisor", "admin"})
public class PresenceResource {
  private static final Logger LOG = Logger.getLogger(PresenceResource.class);

  private final QueueDrainer queue;
  private final Duration idleTimeout;

  public PresenceResource(QueueDrainer queue, RoutingConfig config) {
    this.queue = queue;
    this.idleTimeout = config.presence().idleTimeout();
  }

  public record PresenceBody(Presence presence) {}

  /** What a presence change committed, and the team whose queue it makes worth draining. */
  private record Changed(Presence presence, String drainTeam) {}

  /** Going online hands the team's queue out at once. */
  @PUT
  @Path("presence")
  @Operation(
      summary = "Set my presence",
      description = "ONLINE, AWAY or OFFLINE; going online hands the team's queue out at once.")
  @RequestBody(
      required = true,
      description = "The new presence",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "request", value = "{\"presence\":\"ONLINE\"}")))
  @APIResponse(
      responseCode = "200",
      description = "The presence now in force",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "200", value = "{\"presence\":\"ONLINE\"}")))
  @APIResponse(
      responseCode = "400",
      description = "No presence, or not one of ONLINE, AWAY, OFFLINE")
  @APIResponse(
      responseCode = "404",
      description = "No operator in the directory has the token's subject")
  public Uni<PresenceBody> set(PresenceBody body, SecurityContext security) {
    if (body == null || body.presence() == null) {
      throw new BadRequestException("presence is ONLINE, AWAY or OFFLINE");
    }
    return change(
        security,
        operator -> {
          operator.presence = body.presence();
          operator.lastSeenAt = Instant.now();
          return new Changed(
              operator.presence, body.presence() == Presence.ONLINE ? operator.teamId : null);
        });
  }

  /** Keeps an online operator from turning away; an operator idle into away comes back online. */
  @POST
  @Path("heartbeat")
  @Operation(
      summary = "Heartbeat",
      description = "Keeps an online operator from counting as away after the idle timeout.")
  @APIResponse(
      responseCode = "200",
      description = "The presence now in force",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "200", value = "{\"presence\":\"ONLINE\"}")))
  @APIResponse(
      responseCode = "404",
      description = "No operator in the directory has the token's subject")
  public Uni<PresenceBody> heartbeat(SecurityContext security) {
    return change(
        security,
        operator -> {
          Instant now = Instant.now();
          boolean wasIdle =
              PresenceRules.effective(operator.presence, operator.lastSeenAt, now, idleTimeout)
                  != operator.presence;
          operator.lastSeenAt = now;
          return new Changed(operator.presence, wasIdle ? operator.teamId : null);
        });
  }

  private Uni<PresenceBody> change(SecurityContext security, Function<Operator, Changed> change) {
    return Conflicts.<Changed>retry(() -> Panache.withTransaction(() -> me(security).map(change)))
        .call(changed -> changed.drainTeam() == null ? Uni.createFrom().voidItem() : drain(changed))
        .map(changed -> new PresenceBody(changed.presence()));
  }

  // The presence is committed either way; the queue timer drains what this could not.
  private Uni<Void> drain(Changed changed) {
    return queue
        .drainNow(changed.drainTeam())
        .onFailure()
        .recoverWithUni(
            e -> {
              LOG.warnf(
                  e, "Queue of team %s not drained now; the queue timer will", changed.drainTeam());
              return Uni.createFrom().voidItem();
            });
  }

  private static Uni<Operator> me(SecurityContext security) {
    return Operator.<Operator>findById(
            security.getUserPrincipal().getName(), LockModeType.PESSIMISTIC_WRITE)
        .onItem()
        .ifNull()
        .failWith(() -> new NotFoundException("No operator with the token's subject"));
  }
}

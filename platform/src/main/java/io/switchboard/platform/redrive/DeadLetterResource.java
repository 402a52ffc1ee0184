package io.switchboard.platform.redrive;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Every service's dead letters, for an administrator who fixed their cause. */
@Path("/admin/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@Tag(name = "Dead letters")
@SecurityRequirement(name = "bearerJwt")
@SecurityScheme(
    securitySchemeName = "bearerJwt",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    bearerFormat = "JWT",
    description =
        "Signed by the issuer configured in mp.jwt.verify.issuer /"
            + " mp.jwt.verify.publickey.location; groups claim: operator, supervisor, admin."
            + " Locally: routing-service/dev-jwt/token.sh.")
public class DeadLetterResource {
  private final DeadLetterRedrive redrive;

  public DeadLetterResource(DeadLetterRedrive redrive) {
    this.redrive = redrive;
  }

  @GET
  @Operation(
      summary = "List dead-letter topics",
      description =
          "Each consumer of this service with its dead-letter topic and the number of records"
              + " not re-driven yet.")
  @APIResponse(responseCode = "401", description = "No valid bearer token")
  @APIResponse(responseCode = "403", description = "Not an administrator")
  public List<DeadLetterRedrive.Backlog> list() {
    return redrive.backlogs();
  }

  @POST
  @Path("/{consumer}/redrive")
  @Operation(
      summary = "Re-drive a consumer's dead letters",
      description =
          "Publishes every dead letter of the consumer not re-driven before back to the topic it"
              + " was read from, unchanged; consumers skip events they had already processed.")
  @APIResponse(responseCode = "401", description = "No valid bearer token")
  @APIResponse(responseCode = "403", description = "Not an administrator")
  @APIResponse(responseCode = "404", description = "No consumer of that name in this service")
  public Response redrive(@PathParam("consumer") String consumer) {
    return redrive
        .redrive(consumer)
        .map(result -> Response.ok(result).build())
        .orElseGet(
            () ->
                Response.status(404)
                    .type("application/problem+json")
                    .entity(
                        Map.of(
                            "type",
                            "about:blank",
                            "title",
                            "Unknown consumer",
                            "status",
                            404,
                            "detail",
                            "This service has no consumer named " + consumer))
                    .build());
  }
}

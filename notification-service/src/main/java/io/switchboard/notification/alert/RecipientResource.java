package io.switchboard.notification.alert;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.switchboard.notification.delivery.DeliveryQueue;
import io.switchboard.notification.problem.Problem;
import io.switchboard.platform.consumer.AfterCommit;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Alert recipients, keyed by operator id: how each wants to be alerted and when they work. */
@Path("/recipients/{operatorId}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"supervisor", "admin"})
@SecurityRequirement(name = "bearerJwt")
@APIResponse(responseCode = "401", description = "No bearer token, or one that does not verify")
@APIResponse(responseCode = "403", description = "The token lacks the role")
public class RecipientResource {
  // Without settings of their own, a recipient works office hours in UTC.
  private static final List<String> DEFAULT_DAYS =
      List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY");
  private static final LocalTime DEFAULT_START = LocalTime.of(9, 0);
  private static final LocalTime DEFAULT_END = LocalTime.of(18, 0);
  private static final String DEFAULT_ZONE = "UTC";

  private final DeliveryQueue queue;

  public RecipientResource(DeliveryQueue queue) {
    this.queue = queue;
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Set how an operator gets alerts",
      description =
          "EMAIL, SLACK (incoming-webhook URL) or TELEGRAM; routine alerts wait for the working hours.")
  @RequestBody(
      required = true,
      description = "The recipient",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "request",
                      value =
                          "{\"name\":\"Olga\",\"medium\":\"SLACK\","
                              + "\"address\":\"https://hooks.slack.com/services/T/B/X\","
                              + "\"supervisorId\":\"sup-1\",\"timeZone\":\"Europe/Moscow\","
                              + "\"workDays\":[\"MONDAY\",\"FRIDAY\"],\"workStart\":\"09:00\","
                              + "\"workEnd\":\"18:00\"}")))
  @APIResponse(
      responseCode = "200",
      description = "The recipient as stored",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "200",
                      value =
                          "{\"name\":\"Olga\",\"medium\":\"SLACK\","
                              + "\"address\":\"https://hooks.slack.com/services/T/B/X\","
                              + "\"supervisorId\":\"sup-1\",\"timeZone\":\"Europe/Moscow\","
                              + "\"workDays\":[\"MONDAY\",\"FRIDAY\"],\"workStart\":\"09:00\","
                              + "\"workEnd\":\"18:00\"}")))
  @APIResponse(responseCode = "400", description = "Invalid fields (each named in errors)")
  public Uni<RecipientRequest> put(
      @PathParam("operatorId") String operatorId, RecipientRequest request) {
    if (request == null) {
      throw Problem.invalid("recipient", List.of(new Problem.FieldError("body", "required")));
    }
    List<Problem.FieldError> errors = RecipientValidation.validate(request);
    if (!errors.isEmpty()) {
      throw Problem.invalid("recipient", errors);
    }
    return AfterCommit.scope(
        () ->
            Panache.withTransaction(
                () ->
                    Recipient.<Recipient>findById(operatorId)
                        .chain(
                            existing -> {
                              Recipient recipient = existing != null ? existing : new Recipient();
                              recipient.operatorId = operatorId;
                              apply(request, recipient);
                              return existing != null
                                  ? Uni.createFrom().item(recipient)
                                  : recipient.<Recipient>persist();
                            })
                        .call(this::retimeHeldAlerts)
                        .map(RecipientResource::view)));
  }

  // Held alerts follow the recipient's new hours and address: due at their next start of work.
  private Uni<Void> retimeHeldAlerts(Recipient recipient) {
    Instant now = Instant.now();
    return queue.retimeHeld(
        recipient.operatorId,
        recipient.hours().nextOpen(now).orElse(now),
        recipient.medium,
        recipient.address);
  }

  @GET
  @WithSession
  @Operation(summary = "Read how an operator gets alerts", description = "As set with PUT.")
  @APIResponse(
      responseCode = "200",
      description = "The recipient",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "200",
                      value =
                          "{\"name\":\"Olga\",\"medium\":\"SLACK\","
                              + "\"address\":\"https://hooks.slack.com/services/T/B/X\","
                              + "\"supervisorId\":\"sup-1\",\"timeZone\":\"Europe/Moscow\","
                              + "\"workDays\":[\"MONDAY\",\"FRIDAY\"],\"workStart\":\"09:00\","
                              + "\"workEnd\":\"18:00\"}")))
  @APIResponse(responseCode = "404", description = "No recipient for this operator")
  public Uni<RecipientRequest> get(@PathParam("operatorId") String operatorId) {
    return Recipient.<Recipient>findById(operatorId)
        .onItem()
        .ifNull()
        .failWith(() -> new Problem(404, "Not found", "No recipient " + operatorId, List.of()))
        .map(RecipientResource::view);
  }

  @DELETE
  @WithTransaction
  @Operation(
      summary = "Forget an operator's alert settings",
      description = "Idempotent: 204 whether or not there were any.")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "406", description = "The Accept header excludes application/json")
  public Uni<Response> delete(@PathParam("operatorId") String operatorId) {
    return Recipient.deleteById(operatorId)
        .call(() -> queue.dropHeld(operatorId))
        .map(deleted -> Response.noContent().build());
  }

  private static void apply(RecipientRequest request, Recipient recipient) {
    recipient.name = request.name();
    recipient.medium = RecipientValidation.medium(request.medium());
    recipient.address = request.address().strip();
    recipient.supervisorId = request.supervisorId();
    recipient.timeZone = request.timeZone() != null ? request.timeZone() : DEFAULT_ZONE;
    recipient.workDays =
        (request.workDays() != null ? request.workDays() : DEFAULT_DAYS)
            .stream().map(d -> d.strip().toUpperCase(Locale.ROOT)).collect(Collectors.joining(","));
    recipient.workStart =
        request.workStart() != null ? LocalTime.parse(request.workStart()) : DEFAULT_START;
    recipient.workEnd =
        request.workEnd() != null ? LocalTime.parse(request.workEnd()) : DEFAULT_END;
  }

  private static RecipientRequest view(Recipient recipient) {
    return new RecipientRequest(
        recipient.name,
        recipient.medium.name(),
        recipient.address,
        recipient.supervisorId,
        recipient.timeZone,
        Arrays.asList(recipient.workDays.split(",")),
        recipient.workStart.toString(),
        recipient.workEnd.toString());
  }
}

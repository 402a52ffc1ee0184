package io.switchboard.notification.alert;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.switchboard.notification.NotificationConfig;
import io.switchboard.notification.problem.Problem;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Alert recipients, keyed by operator id: how each wants to be alerted and when they work. */
@Path("/recipients/{operatorId}")
@Produces(MediaType.APPLICATION_JSON)
public class RecipientResource {
  private final NotificationConfig config;

  public RecipientResource(NotificationConfig config) {
    this.config = config;
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @WithTransaction
  public Uni<RecipientRequest> put(
      @PathParam("operatorId") String operatorId, RecipientRequest request) {
    if (request == null) {
      throw Problem.invalid("recipient", List.of(new Problem.FieldError("body", "required")));
    }
    List<Problem.FieldError> errors = RecipientValidation.validate(request);
    if (!errors.isEmpty()) {
      throw Problem.invalid("recipient", errors);
    }
    return Recipient.<Recipient>findById(operatorId)
        .chain(
            existing -> {
              Recipient recipient = existing != null ? existing : new Recipient();
              recipient.operatorId = operatorId;
              apply(request, recipient);
              return existing != null
                  ? Uni.createFrom().item(recipient)
                  : recipient.<Recipient>persist();
            })
        .map(RecipientResource::view);
  }

  @GET
  @WithSession
  public Uni<RecipientRequest> get(@PathParam("operatorId") String operatorId) {
    return Recipient.<Recipient>findById(operatorId)
        .onItem()
        .ifNull()
        .failWith(() -> new Problem(404, "Not found", "No recipient " + operatorId, List.of()))
        .map(RecipientResource::view);
  }

  @DELETE
  @WithTransaction
  public Uni<Response> delete(@PathParam("operatorId") String operatorId) {
    return Recipient.deleteById(operatorId).map(deleted -> Response.noContent().build());
  }

  private void apply(RecipientRequest request, Recipient recipient) {
    NotificationConfig.BusinessHours defaults = config.businessHours();
    recipient.name = request.name();
    recipient.medium = RecipientValidation.medium(request.medium());
    recipient.address = request.address().strip();
    recipient.supervisorId = request.supervisorId();
    recipient.timeZone =
        request.timeZone() != null ? request.timeZone() : config.customerTimeZone().getId();
    recipient.workDays =
        (request.workDays() != null
                ? request.workDays().stream().map(d -> d.strip().toUpperCase(Locale.ROOT))
                : defaults.days().stream().sorted().map(DayOfWeek::name))
            .collect(Collectors.joining(","));
    recipient.workStart =
        request.workStart() != null
            ? java.time.LocalTime.parse(request.workStart())
            : defaults.start();
    recipient.workEnd =
        request.workEnd() != null ? java.time.LocalTime.parse(request.workEnd()) : defaults.end();
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

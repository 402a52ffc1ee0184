package io.switchboard.ingest.channel.webform;

import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.Customer;
import io.switchboard.contracts.InquiryReceived;
import io.switchboard.ingest.IngestConfig;
import io.switchboard.ingest.identity.Identity;
import io.switchboard.ingest.intake.Accepted;
import io.switchboard.ingest.intake.ChannelIntake;
import io.switchboard.ingest.intake.Submission;
import io.switchboard.ingest.problem.FieldError;
import io.switchboard.ingest.problem.ProblemException;
import io.switchboard.ingest.security.ApiKeys;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.jboss.resteasy.reactive.RestForm;

/** The web-form channel: {@code POST /inquiries}. */
@Path("/inquiries")
public class WebFormResource {
  private static final String CHANNEL = "web-form";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final ApiKeys apiKeys;
  private final ChannelIntake intake;
  private final IngestConfig config;

  public WebFormResource(ApiKeys apiKeys, ChannelIntake intake, IngestConfig config) {
    this.apiKeys = apiKeys;
    this.intake = intake;
    this.config = config;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Submit a web-form inquiry",
      description =
          "Answers 202 once the broker acknowledged the inquiry.received event. The same"
              + " Idempotency-Key (header or body idempotencyKey) answers with the same inquiry.")
  @SecurityRequirement(name = "apiKey")
  @RequestBody(
      required = true,
      description = "The form fields; email or phone is required",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = WebFormRequest.class),
              examples =
                  @ExampleObject(
                      name = "form",
                      value =
                          "{\"name\":\"Анна\",\"email\":\"anna@example.com\","
                              + "\"subject\":\"Не работает оплата\","
                              + "\"text\":\"Списали деньги дважды\"}")))
  @APIResponse(
      responseCode = "202",
      description = "Published to Kafka and acknowledged by it",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "accepted", value = Accepted.EXAMPLE)))
  @APIResponse(responseCode = "400", description = "Invalid inquiry (application/problem+json)")
  @APIResponse(responseCode = "401", description = "Missing or wrong X-Api-Key")
  @APIResponse(responseCode = "422", description = "Idempotency key reused for other content")
  @APIResponse(
      responseCode = "503",
      description = "Broker or database unavailable; retry after Retry-After")
  public Uni<Response> submit(
      @HeaderParam(ApiKeys.HEADER) String apiKey,
      @HeaderParam("Idempotency-Key") String idempotencyKey,
      WebFormRequest form) {
    return accept(apiKey, idempotencyKey, form, System.nanoTime());
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Submit a web-form inquiry as a plain HTML form posts it",
      description = "The same fields as the JSON form, application/x-www-form-urlencoded.")
  @SecurityRequirement(name = "apiKey")
  @RequestBody(
      required = true,
      description = "The form fields, URL-encoded",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_FORM_URLENCODED,
              examples =
                  @ExampleObject(
                      name = "form",
                      value = "name=Пётр&phone=8+916+765-43-21&text=Перезвоните")))
  @APIResponse(
      responseCode = "202",
      description = "Published to Kafka and acknowledged by it",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "accepted", value = Accepted.EXAMPLE)))
  @APIResponse(responseCode = "400", description = "Invalid inquiry (application/problem+json)")
  @APIResponse(responseCode = "401", description = "Missing or wrong X-Api-Key")
  @APIResponse(
      responseCode = "503",
      description = "Broker or database unavailable; retry after Retry-After")
  public Uni<Response> submitHtmlForm(
      @HeaderParam(ApiKeys.HEADER) String apiKey,
      @HeaderParam("Idempotency-Key") String idempotencyKey,
      @RestForm String channel,
      @RestForm String name,
      @RestForm String email,
      @RestForm String phone,
      @RestForm String subject,
      @RestForm String text,
      @RestForm("idempotencyKey") String bodyIdempotencyKey) {
    return accept(
        apiKey,
        idempotencyKey,
        new WebFormRequest(channel, name, email, phone, subject, text, bodyIdempotencyKey),
        System.nanoTime());
  }

  private Uni<Response> accept(
      String apiKey, String idempotencyKey, WebFormRequest form, long started) {
    apiKeys.verify(CHANNEL, apiKey);
    if (form == null) {
      throw ProblemException.invalid(
          "empty-body", List.of(new FieldError("body", "an inquiry is required")));
    }
    Customer customer = WebFormNormalizer.customer(form, config.defaultRegion());
    List<FieldError> errors = WebFormValidation.validate(form, customer);
    if (!errors.isEmpty()) {
      throw ProblemException.invalid("invalid", errors);
    }
    Optional<String> sourceKey =
        Optional.ofNullable(idempotencyKey != null ? idempotencyKey : form.idempotencyKey())
            .filter(key -> !key.isBlank())
            .map(key -> "WEB_FORM:" + key);
    Identity identity = Identity.of(customer.email(), customer.phone());
    // PostgreSQL keeps microseconds: a finer instant would not survive a round trip through a
    // store.
    Instant receivedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    InquiryReceived event =
        WebFormNormalizer.toEvent(
            form,
            new Customer(
                identity.provisionalId(), customer.name(), customer.email(), customer.phone()),
            sourceKey.orElse(null),
            receivedAt,
            config.maxTextLength(),
            RANDOM);
    Submission submission =
        new Submission(
            sourceKey,
            WebFormNormalizer.fingerprint(form),
            event,
            event.ticket(),
            List.of(),
            identity);
    return intake.submit(
        event.channel(),
        submission,
        customer.email() != null ? customer.email() : customer.phone(),
        started);
  }
}

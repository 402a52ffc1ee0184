package io.switchboard.ingest.channel.webform;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.InquiryReceived;
import io.switchboard.ingest.IngestConfig;
import io.switchboard.ingest.intake.Accepted;
import io.switchboard.ingest.intake.InquiryIntake;
import io.switchboard.ingest.problem.FieldError;
import io.switchboard.ingest.problem.ProblemException;
import io.switchboard.ingest.security.ApiKeys;
import io.switchboard.platform.privacy.Pii;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.logging.Logger;

/** The web-form channel: {@code POST /inquiries}. */
@Path("/inquiries")
public class WebFormResource {
  private static final Logger LOG = Logger.getLogger(WebFormResource.class);
  private static final String CHANNEL = "web-form";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final ApiKeys apiKeys;
  private final InquiryIntake intake;
  private final IngestConfig config;
  private final MeterRegistry metrics;

  public WebFormResource(
      ApiKeys apiKeys, InquiryIntake intake, IngestConfig config, MeterRegistry metrics) {
    this.apiKeys = apiKeys;
    this.intake = intake;
    this.config = config;
    this.metrics = metrics;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Submit a web-form inquiry")
  @APIResponse(responseCode = "202", description = "Published to Kafka and acknowledged by it")
  @APIResponse(responseCode = "400", description = "Invalid inquiry (application/problem+json)")
  @APIResponse(responseCode = "401", description = "Missing or wrong X-Api-Key")
  @APIResponse(responseCode = "422", description = "Idempotency key reused for other content")
  @APIResponse(responseCode = "503", description = "Broker unavailable; retry after Retry-After")
  public Uni<Response> submit(
      @HeaderParam(ApiKeys.HEADER) String apiKey,
      @HeaderParam("Idempotency-Key") String idempotencyKey,
      WebFormRequest form) {
    apiKeys.verify(CHANNEL, apiKey);
    if (form == null) {
      throw reject("empty-body", List.of(new FieldError("body", "an inquiry is required")));
    }
    List<FieldError> errors = WebFormValidation.validate(form);
    if (!errors.isEmpty()) {
      throw reject("invalid", errors);
    }
    Optional<String> sourceKey =
        Optional.ofNullable(idempotencyKey != null ? idempotencyKey : form.idempotencyKey())
            .filter(key -> !key.isBlank())
            .map(key -> "WEB_FORM:" + key);
    InquiryReceived event =
        WebFormNormalizer.toEvent(
            form, sourceKey.orElse(null), receivedNow(), config.maxTextLength(), RANDOM);
    return intake
        .accept(sourceKey, WebFormNormalizer.fingerprint(form), event)
        .invoke(accepted -> logAccepted(accepted, event))
        .map(accepted -> Response.accepted(accepted).build());
  }

  // PostgreSQL keeps microseconds: a finer instant would not survive a round trip through a store.
  private static Instant receivedNow() {
    return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
  }

  private void logAccepted(Accepted accepted, InquiryReceived event) {
    metrics
        .counter("switchboard.ingest.inquiries.received", "channel", event.channel().name())
        .increment();
    LOG.infof(
        "Inquiry %s (%s) accepted from %s",
        accepted.inquiryId(),
        accepted.ticket(),
        Pii.address(
            event.customer().email() != null
                ? event.customer().email()
                : event.customer().phone()));
  }

  private ProblemException reject(String reason, List<FieldError> errors) {
    metrics
        .counter("switchboard.ingest.inquiries.rejected", "channel", "WEB_FORM", "reason", reason)
        .increment();
    return ProblemException.invalid(errors);
  }
}

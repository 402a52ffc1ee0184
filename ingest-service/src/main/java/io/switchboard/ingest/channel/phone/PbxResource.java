package io.switchboard.ingest.channel.phone;

import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.Channel;
import io.switchboard.ingest.IngestConfig;
import io.switchboard.ingest.channel.JsonBodies;
import io.switchboard.ingest.identity.Identity;
import io.switchboard.ingest.intake.Accepted;
import io.switchboard.ingest.intake.ChannelIntake;
import io.switchboard.ingest.intake.Submission;
import io.switchboard.ingest.normalize.Contacts;
import io.switchboard.ingest.problem.FieldError;
import io.switchboard.ingest.problem.ProblemException;
import io.switchboard.ingest.security.WebhookSignatures;
import io.switchboard.ingest.threading.ThreadMatch;
import io.switchboard.ingest.threading.Threads;
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

/** The phone channel: {@code POST /channels/phone}, PBX call events signed with HMAC-SHA256. */
@Path("/channels/phone")
public class PbxResource {
  private static final String CHANNEL = "phone";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final WebhookSignatures signatures;
  private final JsonBodies bodies;
  private final ChannelIntake intake;
  private final Threads threads;
  private final IngestConfig config;

  public PbxResource(
      WebhookSignatures signatures,
      JsonBodies bodies,
      ChannelIntake intake,
      Threads threads,
      IngestConfig config) {
    this.signatures = signatures;
    this.bodies = bodies;
    this.intake = intake;
    this.threads = threads;
    this.config = config;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Take in a PBX call event (webhook)",
      description =
          "A missed call or a voicemail is an inquiry to call back. Signed like the chat webhook.")
  @SecurityRequirement(name = "hmacSignature")
  @RequestBody(
      required = true,
      description = "The call event",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = CallEvent.class),
              examples =
                  @ExampleObject(
                      name = "missed call",
                      value =
                          "{\"callId\":\"c-42\",\"event\":\"missed\","
                              + "\"caller\":\"+79161234567\",\"called\":\"+74950000000\","
                              + "\"waitSeconds\":35}")))
  @APIResponse(
      responseCode = "202",
      description = "Published and acknowledged by the broker",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "accepted", value = Accepted.EXAMPLE)))
  @APIResponse(
      responseCode = "204",
      description = "An answered call with no open inquiry: nothing to track")
  @APIResponse(responseCode = "400", description = "Invalid event (application/problem+json)")
  @APIResponse(responseCode = "401", description = "Missing or wrong X-Signature")
  @APIResponse(
      responseCode = "503",
      description = "Broker or database unavailable; retry after Retry-After")
  public Uni<Response> receive(
      @HeaderParam(WebhookSignatures.SIGNATURE_HEADER) String signature, byte[] body) {
    long started = System.nanoTime();
    signatures.verifyBody(CHANNEL, signature, body);
    CallEvent call = bodies.read(body, CallEvent.class);
    List<FieldError> errors = CallNormalizer.validate(call, config.defaultRegion());
    if (!errors.isEmpty()) {
      throw ProblemException.invalid("invalid", errors);
    }
    String caller = Contacts.phone(call.caller(), config.defaultRegion()).orElseThrow();
    Instant receivedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    return threads
        .find(
            List.of(CallNormalizer.threadRef(caller)),
            Optional.empty(),
            receivedAt.minus(config.threading().conversationWindow()))
        .chain(
            match -> {
              if (call.event().equals(CallEvent.ANSWERED) && match.isEmpty()) {
                return Uni.createFrom().item(Response.noContent().build());
              }
              return intake.submit(
                  Channel.PHONE, submission(call, caller, receivedAt, match), caller, started);
            });
  }

  private Submission submission(
      CallEvent call, String caller, Instant receivedAt, Optional<ThreadMatch> match) {
    Optional<String> sourceKey = Optional.of(CallNormalizer.sourceKey(call));
    String fingerprint = CallNormalizer.fingerprint(call);
    List<String> refs = List.of(CallNormalizer.threadRef(caller));
    if (match.isPresent()) {
      ThreadMatch thread = match.get();
      var event =
          call.event().equals(CallEvent.ANSWERED)
              ? CallNormalizer.operatorReplied(call, thread.inquiryId(), receivedAt)
              : CallNormalizer.customerReplied(
                  call, caller, thread.inquiryId(), receivedAt, config.maxTextLength());
      return new Submission(sourceKey, fingerprint, event, thread.ticket(), refs, Identity.none());
    }
    Identity identity = Identity.of(null, caller);
    var event =
        CallNormalizer.received(
            call, caller, identity.provisionalId(), receivedAt, config.maxTextLength(), RANDOM);
    return new Submission(sourceKey, fingerprint, event, event.ticket(), refs, identity);
  }
}

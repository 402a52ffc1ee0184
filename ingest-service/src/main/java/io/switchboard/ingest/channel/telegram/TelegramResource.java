package io.switchboard.ingest.channel.telegram;

import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.Customer;
import io.switchboard.ingest.IngestConfig;
import io.switchboard.ingest.channel.JsonBodies;
import io.switchboard.ingest.identity.Identity;
import io.switchboard.ingest.intake.Accepted;
import io.switchboard.ingest.intake.ChannelIntake;
import io.switchboard.ingest.intake.Submission;
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

/**
 * The Telegram channel: {@code POST /channels/telegram}, the Bot API webhook (set with {@code
 * setWebhook} and a {@code secret_token}). A chat's first message opens an inquiry; later messages
 * in the same chat reply in it while the conversation is active.
 */
@Path("/channels/telegram")
public class TelegramResource {
  private static final String CHANNEL = "telegram";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final WebhookSignatures signatures;
  private final JsonBodies bodies;
  private final ChannelIntake intake;
  private final Threads threads;
  private final IngestConfig config;

  public TelegramResource(
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
      summary = "Take in a Telegram Bot API Update (webhook)",
      description =
          "Set with setWebhook and a secret_token; Telegram sends it back in"
              + " X-Telegram-Bot-Api-Secret-Token.")
  @SecurityRequirement(name = "telegramSecretToken")
  @RequestBody(
      required = true,
      description = "The Update",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TelegramUpdate.class),
              examples =
                  @ExampleObject(
                      name = "text message",
                      value =
                          "{\"update_id\":1,\"message\":{\"message_id\":1,"
                              + "\"from\":{\"id\":5,\"first_name\":\"Дмитрий\"},"
                              + "\"chat\":{\"id\":5,\"type\":\"private\"},\"date\":0,"
                              + "\"text\":\"Добрый день\"}}")))
  @APIResponse(
      responseCode = "202",
      description = "Published and acknowledged by the broker",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "accepted", value = Accepted.EXAMPLE)))
  @APIResponse(
      responseCode = "204",
      description = "An update that is no new message (edit, callback): nothing to do")
  @APIResponse(responseCode = "400", description = "Invalid update (application/problem+json)")
  @APIResponse(responseCode = "401", description = "Missing or wrong secret token")
  @APIResponse(
      responseCode = "503",
      description = "Broker or database unavailable; Telegram retries")
  public Uni<Response> receive(
      @HeaderParam(WebhookSignatures.TELEGRAM_HEADER) String token, byte[] body) {
    long started = System.nanoTime();
    signatures.verifyToken(CHANNEL, token);
    TelegramUpdate update = bodies.read(body, TelegramUpdate.class);
    TelegramUpdate.Message message = update.message();
    if (message == null) {
      return Uni.createFrom().item(Response.noContent().build());
    }
    List<FieldError> errors = TelegramNormalizer.validate(message);
    if (!errors.isEmpty()) {
      throw ProblemException.invalid("invalid", errors);
    }
    Instant receivedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    Customer customer = TelegramNormalizer.customer(message, config.defaultRegion());
    return threads
        .find(
            List.of(TelegramNormalizer.threadRef(message)),
            Optional.empty(),
            receivedAt.minus(config.threading().conversationWindow()))
        .map(match -> submission(message, customer, receivedAt, match))
        .chain(
            submission -> intake.submit(Channel.TELEGRAM, submission, customer.phone(), started));
  }

  private Submission submission(
      TelegramUpdate.Message message,
      Customer customer,
      Instant receivedAt,
      Optional<ThreadMatch> match) {
    Optional<String> sourceKey = Optional.of(TelegramNormalizer.sourceKey(message));
    String fingerprint = TelegramNormalizer.fingerprint(message);
    List<String> refs = List.of(TelegramNormalizer.threadRef(message));
    if (match.isPresent()) {
      return new Submission(
          sourceKey,
          fingerprint,
          TelegramNormalizer.customerReplied(
              message, match.get().inquiryId(), receivedAt, config.maxTextLength()),
          match.get().ticket(),
          refs,
          Identity.none());
    }
    Identity identity = Identity.of(null, customer.phone());
    var event =
        TelegramNormalizer.received(
            message,
            new Customer(identity.provisionalId(), customer.name(), null, customer.phone()),
            receivedAt,
            config.maxTextLength(),
            RANDOM);
    return new Submission(sourceKey, fingerprint, event, event.ticket(), refs, identity);
  }
}

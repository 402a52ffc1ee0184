package io.switchboard.ingest.channel.chat;

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
 * The site-chat channel: {@code POST /channels/chat}, a webhook signed with HMAC-SHA256. The first
 * visitor message of a session opens an inquiry; later ones in the session reply in it, and
 * operator messages are the company's answers.
 */
@Path("/channels/chat")
public class ChatResource {
  private static final String CHANNEL = "chat";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final WebhookSignatures signatures;
  private final JsonBodies bodies;
  private final ChannelIntake intake;
  private final Threads threads;
  private final IngestConfig config;

  public ChatResource(
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
      summary = "Take in a site-chat message (webhook)",
      description =
          "A visitor's message starts or continues the session's inquiry; an operator's message"
              + " is an answer in it. Signed: X-Signature: sha256=<hex HMAC-SHA256 of the body>.")
  @SecurityRequirement(name = "hmacSignature")
  @RequestBody(
      required = true,
      description = "The chat message",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ChatMessage.class),
              examples =
                  @ExampleObject(
                      name = "visitor message",
                      value =
                          "{\"sessionId\":\"s-1\",\"messageId\":\"m-1\","
                              + "\"author\":\"visitor\",\"visitor\":{\"name\":\"Анна\"},"
                              + "\"text\":\"Здравствуйте\"}")))
  @APIResponse(
      responseCode = "202",
      description = "Published and acknowledged by the broker",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "accepted", value = Accepted.EXAMPLE)))
  @APIResponse(responseCode = "400", description = "Invalid message (application/problem+json)")
  @APIResponse(responseCode = "401", description = "Missing or wrong X-Signature")
  @APIResponse(responseCode = "422", description = "Operator message in an unknown session")
  @APIResponse(
      responseCode = "503",
      description = "Broker or database unavailable; retry after Retry-After")
  public Uni<Response> receive(
      @HeaderParam(WebhookSignatures.SIGNATURE_HEADER) String signature, byte[] body) {
    long started = System.nanoTime();
    signatures.verifyBody(CHANNEL, signature, body);
    ChatMessage message = bodies.read(body, ChatMessage.class);
    List<FieldError> errors = ChatNormalizer.validate(message, config.defaultRegion());
    if (!errors.isEmpty()) {
      throw ProblemException.invalid("invalid", errors);
    }
    Instant receivedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    String ref = ChatNormalizer.threadRef(message);
    return threads
        .find(
            List.of(ref),
            Optional.empty(),
            receivedAt.minus(config.threading().conversationWindow()))
        .map(match -> submission(message, receivedAt, match))
        .chain(
            submission ->
                intake.submit(Channel.CHAT, submission, contact(message.visitor()), started));
  }

  private Submission submission(
      ChatMessage message, Instant receivedAt, Optional<ThreadMatch> match) {
    Optional<String> sourceKey = Optional.of(ChatNormalizer.sourceKey(message));
    String fingerprint = ChatNormalizer.fingerprint(message);
    List<String> refs = List.of(ChatNormalizer.threadRef(message));
    if (message.fromOperator()) {
      ThreadMatch thread =
          match.orElseThrow(
              () ->
                  ProblemException.outsideThread(
                      "sessionId", "no open inquiry in this chat session"));
      return new Submission(
          sourceKey,
          fingerprint,
          ChatNormalizer.operatorReplied(message, thread.inquiryId(), receivedAt),
          thread.ticket(),
          refs,
          Identity.none());
    }
    if (match.isPresent()) {
      return new Submission(
          sourceKey,
          fingerprint,
          ChatNormalizer.customerReplied(
              message, match.get().inquiryId(), receivedAt, config.maxTextLength()),
          match.get().ticket(),
          refs,
          Identity.none());
    }
    Customer visitor = ChatNormalizer.visitor(message, config.defaultRegion());
    Identity identity = Identity.of(visitor.email(), visitor.phone());
    var event =
        ChatNormalizer.received(
            message,
            new Customer(
                identity.provisionalId(), visitor.name(), visitor.email(), visitor.phone()),
            receivedAt,
            config.maxTextLength(),
            RANDOM);
    return new Submission(sourceKey, fingerprint, event, event.ticket(), refs, identity);
  }

  private static String contact(ChatMessage.Visitor visitor) {
    if (visitor == null) {
      return null;
    }
    return visitor.email() != null ? visitor.email() : visitor.phone();
  }
}

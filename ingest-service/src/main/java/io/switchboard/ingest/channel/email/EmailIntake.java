package io.switchboard.ingest.channel.email;

import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.Channel;
import io.switchboard.ingest.IngestConfig;
import io.switchboard.ingest.identity.Identity;
import io.switchboard.ingest.intake.ChannelIntake;
import io.switchboard.ingest.intake.Submission;
import io.switchboard.ingest.normalize.Contacts;
import io.switchboard.ingest.problem.FieldError;
import io.switchboard.ingest.problem.ProblemException;
import io.switchboard.ingest.threading.ThreadMatch;
import io.switchboard.ingest.threading.Threads;
import io.switchboard.ingest.threading.TicketToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Takes in one raw e-mail, however it arrived (pushed to {@code POST /channels/email} or fetched
 * from an IMAP mailbox): a new inquiry, a customer's reply in a known thread, or an operator's
 * answer from a support address.
 */
@ApplicationScoped
public class EmailIntake {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final ChannelIntake intake;
  private final Threads threads;
  private final IngestConfig config;
  private final Set<String> supportAddresses;

  public EmailIntake(ChannelIntake intake, Threads threads, IngestConfig config) {
    this.intake = intake;
    this.threads = threads;
    this.config = config;
    this.supportAddresses =
        config.email().supportAddresses().orElse(List.of()).stream()
            .map(address -> Contacts.email(address).orElse(address))
            .collect(Collectors.toUnmodifiableSet());
  }

  /**
   * @param startedNanos {@link System#nanoTime()} when the message arrived
   * @return 202 once the broker acknowledged; fails with a {@code ProblemException} otherwise
   */
  public Uni<Response> receive(byte[] raw, long startedNanos) {
    if (raw == null || raw.length == 0) {
      throw ProblemException.invalid(
          "empty-body", List.of(new FieldError("body", "an e-mail is required")));
    }
    ParsedEmail mail;
    try {
      mail = EmailParser.parse(raw);
    } catch (MalformedEmailException e) {
      throw ProblemException.invalid("malformed", List.of(new FieldError("body", e.getMessage())));
    }
    String sender = Contacts.email(mail.fromAddress()).orElse(null);
    List<FieldError> errors = EmailNormalizer.validate(mail, sender);
    if (!errors.isEmpty()) {
      throw ProblemException.invalid("invalid", errors);
    }
    Instant receivedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    List<String> refs = mail.threadIds().stream().map(EmailNormalizer::threadRef).toList();
    // A bounce of our own message says that delivery failed: it is never a reply in the
    // customer's thread, though its subject may carry the ticket and its references our message.
    Uni<Optional<ThreadMatch>> thread =
        mail.bounceOf() != null
            ? Uni.createFrom().item(Optional.empty())
            : threads.find(refs, TicketToken.find(mail.subject()));
    return thread
        .map(match -> submission(mail, raw, sender, receivedAt, match))
        .chain(submission -> intake.submit(Channel.EMAIL, submission, sender, startedNanos));
  }

  private Submission submission(
      ParsedEmail mail,
      byte[] raw,
      String sender,
      Instant receivedAt,
      Optional<ThreadMatch> match) {
    Optional<String> sourceKey = Optional.of(EmailNormalizer.sourceKey(mail, raw));
    String fingerprint = EmailNormalizer.fingerprint(mail);
    List<String> ownRef =
        mail.messageId() == null ? List.of() : List.of(EmailNormalizer.threadRef(mail.messageId()));
    if (supportAddresses.contains(sender)) {
      ThreadMatch thread =
          match.orElseThrow(
              () ->
                  ProblemException.outsideThread(
                      "In-Reply-To", "names no message of a known inquiry"));
      return new Submission(
          sourceKey,
          fingerprint,
          EmailNormalizer.operatorReplied(mail, sender, thread.inquiryId(), receivedAt),
          thread.ticket(),
          ownRef,
          Identity.none());
    }
    if (match.isPresent()) {
      ThreadMatch thread = match.get();
      return new Submission(
          sourceKey,
          fingerprint,
          EmailNormalizer.customerReplied(
              mail, thread.inquiryId(), receivedAt, config.maxTextLength()),
          thread.ticket(),
          ownRef,
          Identity.none());
    }
    Identity identity = Identity.of(sender, null);
    var event =
        EmailNormalizer.received(
            mail, sender, identity.provisionalId(), receivedAt, config.maxTextLength(), RANDOM);
    return new Submission(sourceKey, fingerprint, event, event.ticket(), ownRef, identity);
  }
}

package io.switchboard.ingest.intake;

import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.EventIds;
import io.switchboard.ingest.identity.CustomerIdentities;
import io.switchboard.ingest.problem.FieldError;
import io.switchboard.ingest.problem.ProblemException;
import io.switchboard.ingest.publishing.InboundPublisher;
import io.switchboard.platform.retry.Conflicts;
import io.switchboard.platform.vertx.ContextExecutor;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;
import org.jboss.logging.Logger;

/**
 * Turns a normalized message into an acknowledged Kafka event exactly once per source message, and
 * leaves its intake row saying what the client was told ({@link IntakeStatus}).
 *
 * <p>A new message costs two database round trips: its claim ({@link IntakeClaim}: one statement
 * that checks the key, links the customer and stores the event as PENDING) and a share of one
 * update that marks it PUBLISHED together with the messages of concurrent requests ({@link
 * PublishedMarks}). The broker's acknowledgement answers 202; if the mark fails the row stays
 * PENDING and {@link IntakeSweeper} republishes it after the grace period, with its original event
 * id (consumers drop the copy). A refusal answers 503 and marks the row REFUSED, which the sweeper
 * never publishes; a retry with the same key reopens it and publishes the stored event, so even a
 * write that landed despite the timeout does not become a second inquiry. A redelivery of a
 * PUBLISHED key publishes nothing and answers with the same inquiry.
 *
 * <p>Residual cases, where a row's fate cannot match what its client heard; in the first four a
 * retry with the same key still answers with the one inquiry, never a second:
 *
 * <ul>
 *   <li>The broker refused and the database failed too when marking REFUSED: the client heard 503,
 *       the row stays PENDING and the sweeper publishes it after the grace period.
 *   <li>The broker timed out but had written the event: the client heard 503 and the inquiry exists
 *       all the same (Kafka cannot tell a lost write from a late one).
 *   <li>The claim committed but the database's answer was lost: the client heard 503, the row is
 *       PENDING and is published like a crashed request's.
 *   <li>A request slower than the grace period (a stalled database between claim and publish): the
 *       sweeper may publish the row meanwhile; a refusal the request then hears answers 503 for a
 *       published inquiry (the REFUSED mark never overwrites PUBLISHED).
 *   <li>A REFUSED row past the retention is deleted: a retry after that is a new inquiry, a second
 *       one if the refused write had landed.
 * </ul>
 *
 * <p>A message without a key (a web form without Idempotency-Key) has no row: a 503 whose write
 * landed anyway, then retried, is two inquiries.
 */
@ApplicationScoped
public class InquiryIntake {
  private static final Logger LOG = Logger.getLogger(InquiryIntake.class);

  private final InboundPublisher publisher;
  private final IntakeClaim claims;
  private final IntakeRows rows;
  private final PublishedMarks marks;
  private final CustomerIdentities identities;
  private final Pool pool;

  public InquiryIntake(
      InboundPublisher publisher,
      IntakeClaim claims,
      IntakeRows rows,
      PublishedMarks marks,
      CustomerIdentities identities,
      Pool pool) {
    this.publisher = publisher;
    this.claims = claims;
    this.rows = rows;
    this.marks = marks;
    this.identities = identities;
    this.pool = pool;
  }

  public Uni<Outcome> accept(Submission submission) {
    Executor backToRequest = ContextExecutor.current();
    UUID attempt = EventIds.next();
    return claim(submission, attempt)
        .emitOn(backToRequest)
        .chain(claimed -> deliver(claimed, submission, backToRequest));
  }

  // Identifiers the claim could not settle alone (a merge, or a concurrent link of the same ones)
  // are linked in a transaction of their own; the second claim then finds them settled.
  private Uni<IntakeClaim.Result> claim(Submission submission, UUID attempt) {
    return claimOnce(submission, attempt)
        .chain(
            first ->
                first.identified()
                    ? Uni.createFrom().item(first)
                    : identities
                        .link(submission.identity())
                        .chain(() -> claimOnce(submission, attempt))
                        .invoke(InquiryIntake::requireIdentified))
        .onFailure(InquiryIntake::notAProblem)
        .transform(InquiryIntake::storeUnavailable);
  }

  private Uni<IntakeClaim.Result> claimOnce(Submission submission, UUID attempt) {
    return Conflicts.retry(() -> claims.claim(submission, attempt));
  }

  private static void requireIdentified(IntakeClaim.Result result) {
    if (!result.identified()) {
      throw new IllegalStateException("the customer's identifiers changed during their link");
    }
  }

  private Uni<Outcome> deliver(
      IntakeClaim.Result claimed, Submission submission, Executor backToRequest) {
    if (!claimed.payloadHash().equals(submission.payloadHash())) {
      return Uni.createFrom()
          .failure(
              new ProblemException(
                  "key-reused",
                  422,
                  "Idempotency key reused",
                  "This Idempotency-Key was already used for a different inquiry",
                  List.of(new FieldError("Idempotency-Key", "reused with different content")),
                  0));
    }
    Outcome outcome =
        new Outcome(new Accepted(claimed.inquiryId(), claimed.ticket()), claimed.firstDelivery());
    if (claimed.status() == IntakeStatus.PUBLISHED) {
      return Uni.createFrom().item(outcome);
    }
    Uni<Void> published =
        publisher.publish(claimed.stored(), claimed.storedJson()).emitOn(backToRequest);
    if (claimed.status() == null) {
      return published.replaceWith(outcome);
    }
    String key = submission.sourceKey().orElseThrow();
    return published
        .onFailure()
        .call(() -> markRefused(key, claimed.inquiryId()))
        .call(() -> markPublished(key, claimed.inquiryId()).emitOn(backToRequest))
        .replaceWith(outcome);
  }

  // The broker has the event: the answer is 202 whatever the database says now.
  private Uni<Void> markPublished(String key, String inquiryId) {
    return marks
        .mark(key)
        .onFailure()
        .recoverWithUni(
            failure -> {
              LOG.warnf(
                  "Inquiry %s published but its intake row not marked (%s); the sweeper"
                      + " republishes it",
                  inquiryId, failure.toString());
              return Uni.createFrom().voidItem();
            });
  }

  // The 503 stands whatever the database says now; a failure here is a residual case.
  private Uni<Void> markRefused(String key, String inquiryId) {
    return rows.markRefused(pool, key)
        .replaceWithVoid()
        .onFailure()
        .recoverWithUni(
            failure -> {
              LOG.errorf(
                  "Inquiry %s answered 503 but its intake row not marked REFUSED (%s): it stays"
                      + " PENDING and the sweeper will publish it after the grace period",
                  inquiryId, failure.toString());
              return Uni.createFrom().voidItem();
            });
  }

  private static boolean notAProblem(Throwable failure) {
    return !(failure instanceof ProblemException);
  }

  private static ProblemException storeUnavailable(Throwable failure) {
    LOG.warnf("Intake not stored: %s", failure.toString());
    return ProblemException.storeUnavailable();
  }
}

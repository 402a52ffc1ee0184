package io.switchboard.notification.delivery;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends one claimed batch of a medium and turns every send into the row's outcome: never fails. At
 * most {@code concurrency} sends are in flight; a send that could not end within the claim's lease
 * is not started.
 */
final class BatchSender {
  private final Senders senders;
  private final MessageComposer composer;
  private final RetryPolicy retries;
  private final int concurrency;

  BatchSender(Senders senders, MessageComposer composer, RetryPolicy retries, int concurrency) {
    this.senders = senders;
    this.composer = composer;
    this.retries = retries;
    this.concurrency = concurrency;
  }

  /**
   * @param lastStart the last moment a send may start and still end within the lease
   */
  Uni<List<DeliveryOutcome>> sendAll(List<ClaimedDelivery> rows, Instant lastStart) {
    if (rows.isEmpty()) {
      return Uni.createFrom().item(List.of());
    }
    return Multi.createFrom()
        .iterable(rows)
        .onItem()
        .transformToUni(row -> attempt(row, lastStart))
        .merge(concurrency)
        .collect()
        .asList();
  }

  /**
   * For a provider that looks down: the first row is a probe; only if the provider answers it are
   * the others sent. Otherwise they wait {@code probeDelay} without an attempt, unless they are
   * past their maximum age, which a provider that stays down must not stretch.
   */
  Uni<List<DeliveryOutcome>> probeFirst(
      List<ClaimedDelivery> rows, Instant lastStart, Duration probeDelay) {
    List<ClaimedDelivery> rest = rows.subList(1, rows.size());
    return attempt(rows.getFirst(), lastStart)
        .chain(
            probe ->
                probe.providerAnswered()
                    ? sendAll(rest, lastStart).map(sent -> prepend(probe, sent))
                    : Uni.createFrom().item(prepend(probe, heldBack(probe, rest, probeDelay))));
  }

  private Uni<DeliveryOutcome> attempt(ClaimedDelivery row, Instant lastStart) {
    Instant now = Instant.now();
    if (now.isAfter(lastStart)) {
      return Uni.createFrom().item(DeliveryOutcome.notTried(row, now, null));
    }
    OutgoingMessage message;
    try {
      message = composer.compose(row, now);
    } catch (RuntimeException unrenderable) {
      String reason = "cannot render: " + unrenderable.getMessage();
      return Uni.createFrom()
          .item(
              DeliveryOutcome.failed(
                  row, FailureReasons.givenUp(row.id(), row.attempts(), reason), false));
    }
    return senders
        .send(message)
        .onItemOrFailure()
        .transform((ignored, failure) -> outcome(row, failure));
  }

  private DeliveryOutcome outcome(ClaimedDelivery row, Throwable failure) {
    if (failure == null) {
      return DeliveryOutcome.sent(row);
    }
    String reason = FailureReasons.of(failure);
    boolean rejected = failure instanceof DeliveryRejected;
    RetryPolicy.Decision decision =
        retries.afterFailure(row.attempts(), row.dueAt(), Instant.now(), rejected);
    return decision.givesUp()
        ? DeliveryOutcome.failed(
            row, FailureReasons.givenUp(row.id(), row.attempts(), reason), rejected)
        : DeliveryOutcome.retry(row, decision.at(), reason);
  }

  private List<DeliveryOutcome> heldBack(
      DeliveryOutcome probe, List<ClaimedDelivery> rows, Duration probeDelay) {
    Instant now = Instant.now();
    String why = "not tried: the provider looked down (" + probe.failure() + ")";
    List<DeliveryOutcome> outcomes = new ArrayList<>(rows.size());
    for (ClaimedDelivery row : rows) {
      outcomes.add(
          retries.expired(row.dueAt(), now)
              ? DeliveryOutcome.expired(
                  row, FailureReasons.givenUp(row.id(), row.attempts() - 1, why))
              : DeliveryOutcome.notTried(row, now.plus(probeDelay), why));
    }
    return outcomes;
  }

  private static List<DeliveryOutcome> prepend(DeliveryOutcome first, List<DeliveryOutcome> rest) {
    List<DeliveryOutcome> all = new ArrayList<>(rest.size() + 1);
    all.add(first);
    all.addAll(rest);
    return all;
  }
}

package io.switchboard.platform.retry;

import io.smallrye.mutiny.Uni;
import io.switchboard.platform.consumer.AfterCommit;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Runs a transaction again, in a fresh session, when the database aborted it for a conflict
 * (deadlock, serialization failure): for the paths that take locks outside a consumer, such as
 * operator API calls and timers. Consumers get the same from their batch processor. Actions given
 * to {@link AfterCommit#run} during an attempt run once, after the attempt that committed.
 */
public final class Conflicts {
  /** Attempts in all, the first included. */
  public static final int ATTEMPTS = 4;

  private Conflicts() {}

  /** {@code transaction} must open its own transaction each time it is called. */
  public static <T> Uni<T> retry(Supplier<Uni<? extends T>> transaction) {
    return Uni.createFrom()
        .<T>deferred(() -> AfterCommit.scope(transaction))
        .onFailure(failure -> Failures.classify(failure) == FailureKind.CONFLICT)
        .retry()
        .withBackOff(Duration.ofMillis(10), Duration.ofMillis(200))
        .withJitter(0.5)
        .atMost(ATTEMPTS - 1L);
  }
}

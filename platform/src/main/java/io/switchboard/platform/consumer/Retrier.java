package io.switchboard.platform.consumer;

import io.switchboard.platform.retry.Backoff;
import io.switchboard.platform.retry.FailureKind;
import io.switchboard.platform.retry.Failures;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Runs an attempt again after transient failures, with backoff. An outage is logged when it starts,
 * now and then while it lasts, and when it ends, not once per attempt.
 */
final class Retrier {
  private static final Logger LOG = Logger.getLogger(Retrier.class);
  private static final int LOG_EVERY = 20;

  private final ScheduledExecutorService scheduler;
  private final Backoff backoff;
  private final int conflictAttempts;
  private final ConsumerMetrics metrics;

  Retrier(
      ScheduledExecutorService scheduler,
      Backoff backoff,
      int conflictAttempts,
      ConsumerMetrics metrics) {
    this.scheduler = scheduler;
    this.backoff = backoff;
    this.conflictAttempts = conflictAttempts;
    this.metrics = metrics;
  }

  /**
   * Completes with null once an attempt succeeded, or with the failure that retrying cannot cure: a
   * permanent one, or a conflict that persisted through every allowed attempt. Unavailability is
   * retried for as long as it lasts.
   */
  CompletableFuture<Throwable> untilSettled(
      String what, Supplier<CompletableFuture<Void>> attempt, BooleanSupplier cancelled) {
    CompletableFuture<Throwable> result = new CompletableFuture<>();
    new Attempts(what, attempt, cancelled, result, false).next();
    return result;
  }

  /** Completes once an attempt succeeded, retrying every failure: for writes that must happen. */
  CompletableFuture<Void> untilSent(
      String what, Supplier<CompletableFuture<Void>> attempt, BooleanSupplier cancelled) {
    CompletableFuture<Throwable> result = new CompletableFuture<>();
    new Attempts(what, attempt, cancelled, result, true).next();
    return result.thenApply(ignored -> null);
  }

  private final class Attempts {
    private final String what;
    private final Supplier<CompletableFuture<Void>> attempt;
    private final BooleanSupplier cancelled;
    private final CompletableFuture<Throwable> result;
    private final boolean retryEverything;
    private final long started = System.nanoTime();
    private int unavailable;
    private int conflicts;

    Attempts(
        String what,
        Supplier<CompletableFuture<Void>> attempt,
        BooleanSupplier cancelled,
        CompletableFuture<Throwable> result,
        boolean retryEverything) {
      this.what = what;
      this.attempt = attempt;
      this.cancelled = cancelled;
      this.result = result;
      this.retryEverything = retryEverything;
    }

    void next() {
      if (cancelled.getAsBoolean()) {
        result.completeExceptionally(new CancellationException(what + ": no longer ours"));
        return;
      }
      CompletableFuture<Void> running;
      try {
        running = attempt.get();
      } catch (RuntimeException failure) {
        running = CompletableFuture.failedFuture(failure);
      }
      running.whenComplete((ignored, failure) -> settle(unwrap(failure)));
    }

    private void settle(Throwable failure) {
      if (failure == null) {
        if (unavailable > 0) {
          LOG.infof(
              "%s: recovered after %d failed attempt(s) in %d s",
              what, unavailable, Duration.ofNanos(System.nanoTime() - started).toSeconds());
        }
        result.complete(null);
        return;
      }
      FailureKind kind = Failures.classify(failure);
      metrics.failed(kind);
      if (retryEverything && kind == FailureKind.PERMANENT) {
        kind = FailureKind.UNAVAILABLE;
      }
      switch (kind) {
        case UNAVAILABLE -> {
          unavailable++;
          if (unavailable == 1 || unavailable % LOG_EVERY == 0) {
            LOG.warnf(
                "%s: %s; attempt %d failed, retrying until it recovers (not committed past)",
                what, Failures.describe(failure), unavailable);
          }
          retryAfter(backoff.delay(unavailable));
        }
        case CONFLICT -> {
          conflicts++;
          if (conflicts >= conflictAttempts) {
            result.complete(failure);
          } else {
            LOG.debugf("%s: conflict (%s), attempt %d", what, failure.getMessage(), conflicts);
            retryAfter(backoff.delay(conflicts));
          }
        }
        case PERMANENT -> result.complete(failure);
      }
    }

    private void retryAfter(Duration delay) {
      scheduler.schedule(this::next, delay.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private static Throwable unwrap(Throwable failure) {
    return failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause()
        : failure;
  }
}

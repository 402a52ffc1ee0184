package io.switchboard.platform.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.platform.retry.Backoff;
import io.switchboard.platform.retry.RetryableConflict;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RetrierTest {
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final Retrier retrier =
      new Retrier(
          scheduler,
          new Backoff(Duration.ofMillis(1), Duration.ofMillis(5), 0),
          3,
          new ConsumerMetrics(registry, "test"));

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  private static CompletableFuture<Void> failing(Throwable failure) {
    return CompletableFuture.failedFuture(failure);
  }

  private static Throwable settle(CompletableFuture<Throwable> result) throws Exception {
    return result.get(10, TimeUnit.SECONDS);
  }

  @Test
  void anUnavailableDependencyIsRetriedUntilItComesBack() throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    Throwable outcome =
        settle(
            retrier.untilSettled(
                "test",
                () ->
                    attempts.incrementAndGet() < 30
                        ? failing(new ConnectException("Connection refused"))
                        : CompletableFuture.completedFuture(null),
                () -> false));
    assertThat(outcome).isNull();
    assertThat(attempts).hasValue(30);
    assertThat(
            registry
                .get("switchboard.messaging.failures")
                .tag("incoming", "test")
                .tag("kind", "unavailable")
                .counter()
                .count())
        .isEqualTo(29);
  }

  @Test
  void aConflictIsRetriedABoundedNumberOfTimes() throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    RetryableConflict conflict = new RetryableConflict("moved");
    Throwable outcome =
        settle(
            retrier.untilSettled(
                "test",
                () -> {
                  attempts.incrementAndGet();
                  return failing(conflict);
                },
                () -> false));
    assertThat(outcome).isSameAs(conflict);
    assertThat(attempts).hasValue(3);
  }

  @Test
  void aPermanentFailureIsAnsweredAtOnce() throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    IllegalStateException bug = new IllegalStateException("bug");
    Throwable outcome =
        settle(
            retrier.untilSettled(
                "test",
                () -> {
                  attempts.incrementAndGet();
                  return failing(bug);
                },
                () -> false));
    assertThat(outcome).isSameAs(bug);
    assertThat(attempts).hasValue(1);
  }

  @Test
  void anAttemptThatThrowsInsteadOfFailingCountsAsAFailure() throws Exception {
    Throwable outcome =
        settle(
            retrier.untilSettled(
                "test",
                () -> {
                  throw new IllegalArgumentException("thrown");
                },
                () -> false));
    assertThat(outcome).hasMessage("thrown");
  }

  @Test
  void writesThatMustHappenAreRetriedWhateverTheFailure() throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    retrier
        .untilSent(
            "test",
            () ->
                attempts.incrementAndGet() < 5
                    ? failing(new IllegalStateException("broker said no"))
                    : CompletableFuture.completedFuture(null),
            () -> false)
        .get(10, TimeUnit.SECONDS);
    assertThat(attempts).hasValue(5);
  }

  @Test
  void cancellationStopsRetrying() {
    AtomicBoolean cancelled = new AtomicBoolean();
    AtomicInteger attempts = new AtomicInteger();
    CompletableFuture<Throwable> result =
        retrier.untilSettled(
            "test",
            () -> {
              if (attempts.incrementAndGet() == 3) {
                cancelled.set(true);
              }
              return failing(new ConnectException("Connection refused"));
            },
            cancelled::get);
    assertThatThrownBy(() -> result.get(10, TimeUnit.SECONDS))
        .isInstanceOf(CancellationException.class);
    assertThat(attempts).hasValue(3);
  }
}

package io.switchboard.devstack.sim;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the day's actions at their simulated moments: one timer thread keeps the order, each action
 * runs on a virtual thread of its own (HTTP calls block). Counts what is still to run, so that the
 * end of the day's work can be told from a pause in it.
 */
final class DayScheduler implements AutoCloseable {
  private final SimClock clock;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().name("sim-timer").daemon().factory());
  private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
  private final AtomicInteger pending = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();
  private volatile String lastFailure;

  DayScheduler(SimClock clock) {
    this.clock = clock;
  }

  /** At a simulated moment (now, when it has passed). */
  void at(LocalDateTime sim, Runnable action) {
    schedule(Duration.between(Instant.now(), clock.realAt(sim)), action, true);
  }

  /** After a simulated duration from now. */
  void after(Duration simulated, Runnable action) {
    schedule(clock.real(simulated), action, true);
  }

  /**
   * After a real duration from now, in the background: heartbeats, which follow real time and go on
   * as long as an operator is online, are not work the day waits for.
   */
  void background(Duration real, Runnable action) {
    schedule(real, action, false);
  }

  private void schedule(Duration real, Runnable action, boolean counted) {
    if (counted) {
      pending.incrementAndGet();
    }
    long nanos = Math.max(0, real.toNanos());
    timer.schedule(() -> workers.execute(() -> run(action, counted)), nanos, TimeUnit.NANOSECONDS);
  }

  private void run(Runnable action, boolean counted) {
    try {
      action.run();
    } catch (RuntimeException e) {
      failed.incrementAndGet();
      lastFailure = e.toString();
      e.printStackTrace();
    } finally {
      if (counted) {
        pending.decrementAndGet();
      }
    }
  }

  /** Actions scheduled and not yet finished. */
  int pending() {
    return pending.get();
  }

  int failed() {
    return failed.get();
  }

  String lastFailure() {
    return lastFailure;
  }

  /**
   * The day is over: actions not yet started are dropped (the count is returned), and actions under
   * way get a few seconds to finish, so that nothing changes the ground truth while it is judged.
   */
  int stop() {
    int dropped = timer.shutdownNow().size();
    workers.shutdown();
    try {
      if (!workers.awaitTermination(15, TimeUnit.SECONDS)) {
        workers.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      workers.shutdownNow();
    }
    return dropped;
  }

  @Override
  public void close() {
    timer.shutdownNow();
    workers.shutdownNow();
  }
}

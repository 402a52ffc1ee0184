package io.switchboard.notification.acknowledgement;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The honest first-response due times that sla-service announces with {@code ClockStarted}, handed
 * to the acknowledgement waiting for them. Held in memory only: a due time that arrives after its
 * acknowledgement has gone out is of no further use, and both events of an inquiry share a key, so
 * they reach the same instance.
 */
@ApplicationScoped
public class ExpectedResponseTimes {
  // Due times whose inquiry was never acknowledged (automatic mail, no address) are dropped after
  // this, so that the map cannot grow without bound.
  private static final Duration KEPT_FOR = Duration.ofMinutes(10);
  private static final int SWEEP_ABOVE = 1_000;

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  public void announce(String inquiryId, Instant dueAt) {
    sweep();
    entry(inquiryId).due().complete(dueAt);
  }

  /**
   * The due time of the inquiry, or null when it has not arrived by {@code deadline}. A deadline in
   * the past answers at once with what is known, so a backlog of old events is not slowed down.
   */
  public Uni<Instant> await(String inquiryId, Instant deadline) {
    Entry entry = entry(inquiryId);
    Duration left = Duration.between(Instant.now(), deadline);
    if (entry.due().isDone() || left.isNegative() || left.isZero()) {
      entries.remove(inquiryId);
      return Uni.createFrom().item(entry.due().getNow(null));
    }
    return Uni.createFrom()
        .completionStage(entry.due())
        .ifNoItem()
        .after(left)
        .recoverWithItem((Instant) null)
        .eventually(() -> entries.remove(inquiryId));
  }

  private Entry entry(String inquiryId) {
    return entries.computeIfAbsent(
        inquiryId, id -> new Entry(new CompletableFuture<>(), Instant.now()));
  }

  private void sweep() {
    if (entries.size() > SWEEP_ABOVE) {
      Instant oldest = Instant.now().minus(KEPT_FOR);
      entries.values().removeIf(e -> e.createdAt().isBefore(oldest));
    }
  }

  private record Entry(CompletableFuture<Instant> due, Instant createdAt) {}
}

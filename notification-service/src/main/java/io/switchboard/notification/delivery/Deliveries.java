package io.switchboard.notification.delivery;

import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.DeliveryMedium;
import io.switchboard.notification.NotificationConfig;
import io.switchboard.notification.metrics.NotificationMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends a message through the provider of its medium, retrying with exponential backoff and jitter.
 * Every attempt carries the same notification id, so a provider that honours the idempotency key
 * delivers a retried message once even when an earlier attempt only timed out.
 */
@ApplicationScoped
public class Deliveries {
  private final Map<DeliveryMedium, Sender> senders = new EnumMap<>(DeliveryMedium.class);
  private final NotificationConfig.Delivery config;
  private final NotificationMetrics metrics;

  public Deliveries(
      Instance<Sender> senders, NotificationConfig config, NotificationMetrics metrics) {
    senders.forEach(sender -> this.senders.put(sender.medium(), sender));
    this.config = config.delivery();
    this.metrics = metrics;
  }

  /** Whether messages on {@code medium} can be sent at all in this deployment. */
  public boolean canSend(DeliveryMedium medium) {
    Sender sender = senders.get(medium);
    return sender != null && sender.configured();
  }

  /** Fails with {@link DeliveryNotDone} after the last attempt. */
  public Uni<Void> send(OutgoingMessage message) {
    Sender sender = senders.get(message.medium());
    AtomicInteger attempts = new AtomicInteger();
    Duration timeout = config.timeout();
    long started = System.nanoTime();
    return Uni.createFrom()
        .deferred(
            () -> {
              if (attempts.incrementAndGet() > 1) {
                metrics.retried(message.medium());
              }
              return sender.send(message);
            })
        .ifNoItem()
        .after(timeout)
        .failWith(() -> new TimeoutException("no answer within " + timeout))
        .onFailure(failure -> !(failure instanceof DeliveryRejected))
        .retry()
        .withBackOff(config.initialBackoff(), config.maxBackoff())
        .withJitter(config.jitter())
        .atMost(config.attempts() - 1L)
        .onItemOrFailure()
        .invoke(
            (ignored, failure) ->
                metrics.settled(
                    message.kind(),
                    message.medium(),
                    failure == null,
                    Duration.ofNanos(System.nanoTime() - started)))
        .onFailure()
        .transform(
            failure -> new DeliveryNotDone(message.notificationId(), attempts.get(), failure));
  }
}

package io.switchboard.notification.delivery;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.switchboard.contracts.DeliveryMedium;
import io.switchboard.notification.NotificationConfig;
import io.switchboard.platform.retry.Backoff;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends what the ledger has due, one lane per medium, on every instance: rows are claimed with
 * {@code for update skip locked} under a lease, so two instances never send one row at the same
 * time. A lane is woken right after a commit of this instance that queued rows for it, by
 * PostgreSQL NOTIFY for the commits of other instances, by its next row's due time, and otherwise
 * by the poll interval.
 */
@ApplicationScoped
public class DeliveryWorker {
  private final Map<DeliveryMedium, DeliveryLane> lanes = new EnumMap<>(DeliveryMedium.class);
  private final DeliveryWakeups wakeups;

  public DeliveryWorker(
      Vertx vertx,
      io.vertx.mutiny.core.Vertx mutinyVertx,
      DeliveryClaims claims,
      Senders senders,
      MessageComposer composer,
      NotificationConfig config,
      @ConfigProperty(name = "quarkus.hibernate-orm.database.default-schema") String schema,
      @ConfigProperty(name = "quarkus.application.name") String application,
      @ConfigProperty(name = "quarkus.datasource.reactive.url") String reactiveUrl,
      @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
      @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
    NotificationConfig.Delivery delivery = config.delivery();
    if (delivery.lease().compareTo(delivery.timeout().multipliedBy(2)) <= 0) {
      throw new IllegalStateException(
          "switchboard.notification.delivery.lease ("
              + delivery.lease()
              + ") must exceed twice delivery.timeout ("
              + delivery.timeout()
              + "): a claimed message must be sent and recorded while its lease holds");
    }
    Backoff backoff =
        new Backoff(delivery.initialBackoff(), delivery.maxBackoff(), delivery.jitter());
    DeliveryLane.Parts parts =
        new DeliveryLane.Parts(
            vertx,
            claims,
            senders,
            composer,
            new RetryPolicy(backoff, delivery.maxAge()),
            backoff,
            new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5), 0.3),
            delivery.batchSize(),
            delivery.lease(),
            delivery.timeout(),
            delivery.pollInterval());
    for (DeliveryMedium medium : DeliveryMedium.values()) {
      lanes.put(medium, new DeliveryLane(medium, parts, delivery.concurrency(medium)));
    }
    this.wakeups =
        new DeliveryWakeups(
            mutinyVertx,
            DeliveryWakeups.connectOptions(
                reactiveUrl, user, password, application + " delivery wake-ups"),
            schema,
            delivery.pollInterval(),
            medium -> medium.ifPresentOrElse(this::wake, this::wakeAll));
  }

  /** Rows of {@code medium} are due now. */
  public void wake(DeliveryMedium medium) {
    lanes.get(medium).wake();
  }

  public void wake(Collection<DeliveryMedium> media) {
    media.forEach(this::wake);
  }

  /** A row of {@code medium} becomes due at {@code at}. */
  public void wakeAt(DeliveryMedium medium, Instant at) {
    lanes.get(medium).wakeAt(at);
  }

  void start(@Observes StartupEvent startup) {
    wakeAll();
    wakeups.start();
  }

  // Before the datasource closes, so that sends in flight are still recorded.
  void stop(@Observes ShutdownEvent shutdown) {
    wakeups.stop();
    lanes.values().parallelStream().forEach(DeliveryLane::stop);
  }

  private void wakeAll() {
    lanes.values().forEach(DeliveryLane::wake);
  }
}

package io.switchboard.notification.delivery;

import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.DeliveryMedium;
import io.switchboard.notification.NotificationConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * The provider of each medium. One send is one attempt with a time bound; retrying is the delivery
 * lane's business, through the ledger.
 */
@ApplicationScoped
public class Senders {
  private final Map<DeliveryMedium, Sender> senders = new EnumMap<>(DeliveryMedium.class);
  private final Duration timeout;

  public Senders(Instance<Sender> senders, NotificationConfig config) {
    senders.forEach(sender -> this.senders.put(sender.medium(), sender));
    this.timeout = config.delivery().timeout();
  }

  /** Whether messages on {@code medium} can be sent at all in this deployment. */
  public boolean canSend(DeliveryMedium medium) {
    Sender sender = senders.get(medium);
    return sender != null && sender.configured();
  }

  /**
   * Completes when the provider took the message; fails with {@link DeliveryRejected} when it
   * refused it for good, and with anything else (a {@link TimeoutException} after the time bound)
   * when trying again may help.
   */
  public Uni<Void> send(OutgoingMessage message) {
    Sender sender = senders.get(message.medium());
    return Uni.createFrom()
        .deferred(() -> sender.send(message))
        .ifNoItem()
        .after(timeout)
        .failWith(() -> new TimeoutException("no answer within " + timeout));
  }
}

package io.switchboard.notification.delivery;

import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.DeliveryMedium;

/** Hands a message to one provider, once: retries belong to the delivery lane. */
public interface Sender {
  DeliveryMedium medium();

  /** False when the provider is not configured: its messages are not sent at all. */
  boolean configured();

  /**
   * Completes when the provider took the message; fails with {@link DeliveryRejected} when trying
   * again cannot help.
   */
  Uni<Void> send(OutgoingMessage message);
}

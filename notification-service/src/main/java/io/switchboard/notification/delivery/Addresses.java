package io.switchboard.notification.delivery;

import io.switchboard.contracts.DeliveryMedium;
import io.switchboard.platform.privacy.Pii;

/** Recipient addresses as logs, topics and the ledger may show them. */
public final class Addresses {
  private Addresses() {}

  public static String masked(DeliveryMedium medium, String address) {
    return switch (medium) {
      case EMAIL -> Pii.email(address);
      case SMS -> Pii.phone(address);
      // Chat ids, sessions and webhooks name a person to the provider: the tail tells them apart.
      case TELEGRAM, CHAT, SLACK -> "***" + address.substring(Math.max(0, address.length() - 3));
    };
  }
}

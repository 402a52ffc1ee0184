package io.switchboard.notification.customer;

import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ClockKind;
import io.switchboard.contracts.DeliveryMedium;
import io.switchboard.contracts.NotificationKind;
import io.switchboard.contracts.SlaBreached;
import io.switchboard.notification.NotificationConfig;
import io.switchboard.notification.contact.CustomerContact;
import io.switchboard.notification.delivery.QueuedDelivery;
import io.switchboard.notification.delivery.Senders;
import io.switchboard.notification.template.MessageTemplates;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * A chat visitor whom no operator answered in time is invited to continue in a messenger, where the
 * answer can still reach them after they close the page.
 */
@ApplicationScoped
public class ChatFallback {
  private static final Logger LOG = Logger.getLogger(ChatFallback.class);

  private final Senders senders;
  private final String messengerUrl;

  public ChatFallback(Senders senders, NotificationConfig config) {
    this.senders = senders;
    this.messengerUrl = config.chatFallbackMessengerUrl();
  }

  /** Whether {@code breached} calls for the invitation at all. */
  public static boolean applies(SlaBreached breached) {
    return breached.channel() == Channel.CHAT && breached.clock() == ClockKind.FIRST_RESPONSE;
  }

  /**
   * @param contact the inquiry's contact, or null when it is unknown here
   */
  public Optional<QueuedDelivery> plan(SlaBreached breached, CustomerContact contact) {
    if (!applies(breached)) {
      return Optional.empty();
    }
    if (contact == null || contact.medium != DeliveryMedium.CHAT) {
      LOG.infof("Chat %s has no chat session here: no fallback", breached.inquiryId());
      return Optional.empty();
    }
    if (!senders.canSend(DeliveryMedium.CHAT)) {
      LOG.infof("Chat %s: no chat provider is configured, no fallback", breached.inquiryId());
      return Optional.empty();
    }
    return Optional.of(
        CustomerMessages.of(
            contact,
            NotificationKind.CHAT_FALLBACK,
            MessageTemplates.Name.CHAT_FALLBACK,
            Map.of("messengerUrl", messengerUrl)));
  }
}

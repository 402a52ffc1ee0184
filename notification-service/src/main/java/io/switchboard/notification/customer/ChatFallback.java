package io.switchboard.notification.customer;

import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ClockKind;
import io.switchboard.contracts.DeliveryMedium;
import io.switchboard.contracts.NotificationKind;
import io.switchboard.contracts.SlaBreached;
import io.switchboard.notification.NotificationConfig;
import io.switchboard.notification.contact.CustomerContacts;
import io.switchboard.notification.template.MessageTemplates;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * A chat visitor whom no operator answered in time is invited to continue in a messenger, where the
 * answer can still reach them after they close the page.
 */
@ApplicationScoped
public class ChatFallback {
  private static final Logger LOG = Logger.getLogger(ChatFallback.class);

  private final CustomerContacts contacts;
  private final CustomerNotifier notifier;
  private final String messengerUrl;

  public ChatFallback(
      CustomerContacts contacts, CustomerNotifier notifier, NotificationConfig config) {
    this.contacts = contacts;
    this.notifier = notifier;
    this.messengerUrl = config.chatFallbackMessengerUrl();
  }

  public Uni<Void> apply(SlaBreached breached) {
    if (breached.channel() != Channel.CHAT || breached.clock() != ClockKind.FIRST_RESPONSE) {
      return Uni.createFrom().voidItem();
    }
    return contacts
        .find(breached.inquiryId())
        .chain(
            contact -> {
              if (contact == null || contact.medium != DeliveryMedium.CHAT) {
                LOG.infof("Chat %s has no chat session here: no fallback", breached.inquiryId());
                return Uni.createFrom().voidItem();
              }
              return notifier.notify(
                  breached.eventId(),
                  contact,
                  NotificationKind.CHAT_FALLBACK,
                  MessageTemplates.Name.CHAT_FALLBACK,
                  Map.of("messengerUrl", messengerUrl));
            });
  }
}

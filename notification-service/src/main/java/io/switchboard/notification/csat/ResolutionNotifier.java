package io.switchboard.notification.csat;

import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.InquiryStatus;
import io.switchboard.contracts.InquiryStatusChanged;
import io.switchboard.contracts.NotificationKind;
import io.switchboard.notification.NotificationConfig;
import io.switchboard.notification.contact.CustomerContact;
import io.switchboard.notification.contact.CustomerContacts;
import io.switchboard.notification.customer.CustomerNotifier;
import io.switchboard.notification.template.MessageTemplates;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.jboss.logging.Logger;

/** Tells the customer that the inquiry is resolved, then asks them to rate how it was handled. */
@ApplicationScoped
public class ResolutionNotifier {
  private static final Logger LOG = Logger.getLogger(ResolutionNotifier.class);

  private final CustomerContacts contacts;
  private final CustomerNotifier notifier;
  private final CsatLinks links;

  public ResolutionNotifier(
      CustomerContacts contacts, CustomerNotifier notifier, NotificationConfig config) {
    this.contacts = contacts;
    this.notifier = notifier;
    this.links = new CsatLinks(config.csat().linkBase(), config.csat().secret());
  }

  public Uni<Void> apply(InquiryStatusChanged changed) {
    if (changed.current() != InquiryStatus.RESOLVED) {
      return Uni.createFrom().voidItem();
    }
    return contacts
        .find(changed.inquiryId())
        .chain(
            contact -> {
              if (contact == null) {
                LOG.infof("Inquiry %s has no customer contact here: not told", changed.inquiryId());
                return Uni.createFrom().voidItem();
              }
              return tell(changed, contact);
            });
  }

  // The rating request only after the notice is settled: asking to rate an answer the customer
  // was never told about reads as spam.
  private Uni<Void> tell(InquiryStatusChanged changed, CustomerContact contact) {
    return notifier
        .notify(
            changed.eventId(),
            contact,
            NotificationKind.RESOLUTION_NOTICE,
            MessageTemplates.Name.RESOLUTION,
            Map.of())
        .chain(
            () ->
                notifier.notify(
                    changed.eventId(),
                    contact,
                    NotificationKind.CSAT_REQUEST,
                    MessageTemplates.Name.CSAT_REQUEST,
                    Map.of("link", links.link(changed.inquiryId()))));
  }
}

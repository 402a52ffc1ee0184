package io.switchboard.notification.csat;

import io.switchboard.contracts.InquiryStatus;
import io.switchboard.contracts.InquiryStatusChanged;
import io.switchboard.contracts.NotificationKind;
import io.switchboard.notification.NotificationConfig;
import io.switchboard.notification.contact.CustomerContact;
import io.switchboard.notification.customer.CustomerMessages;
import io.switchboard.notification.delivery.QueuedDelivery;
import io.switchboard.notification.delivery.Senders;
import io.switchboard.notification.template.MessageTemplates;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/** Tells the customer that the inquiry is resolved, then asks them to rate how it was handled. */
@ApplicationScoped
public class ResolutionNotifier {
  private static final Logger LOG = Logger.getLogger(ResolutionNotifier.class);

  private final Senders senders;
  private final CsatLinks links;

  public ResolutionNotifier(Senders senders, NotificationConfig config) {
    this.senders = senders;
    this.links = new CsatLinks(config.csat().linkBase(), config.csat().secret());
  }

  public static boolean applies(InquiryStatusChanged changed) {
    return changed.current() == InquiryStatus.RESOLVED;
  }

  /**
   * The resolution notice and the rating request, which waits until the notice is settled: asking
   * to rate an answer the customer was never told about reads as spam.
   *
   * @param contact the inquiry's contact, or null when it is unknown here
   */
  public List<QueuedDelivery> plan(InquiryStatusChanged changed, CustomerContact contact) {
    if (!applies(changed)) {
      return List.of();
    }
    if (contact == null) {
      LOG.infof("Inquiry %s has no customer contact here: not told", changed.inquiryId());
      return List.of();
    }
    if (!senders.canSend(contact.medium)) {
      LOG.infof(
          "Inquiry %s: no %s provider is configured, resolution not told",
          changed.inquiryId(), contact.medium);
      return List.of();
    }
    QueuedDelivery notice =
        CustomerMessages.of(
            contact,
            NotificationKind.RESOLUTION_NOTICE,
            MessageTemplates.Name.RESOLUTION,
            Map.of());
    QueuedDelivery rating =
        CustomerMessages.of(
                contact,
                NotificationKind.CSAT_REQUEST,
                MessageTemplates.Name.CSAT_REQUEST,
                Map.of("link", links.link(changed.inquiryId())))
            .after(notice.id());
    return List.of(notice, rating);
  }
}

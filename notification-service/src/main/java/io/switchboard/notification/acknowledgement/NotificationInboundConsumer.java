package io.switchboard.notification.acknowledgement;

import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.InquiryEvent;
import io.switchboard.contracts.InquiryReceived;
import io.switchboard.notification.NotificationConfig;
import io.switchboard.notification.alert.AlertPlanner;
import io.switchboard.notification.contact.CustomerContacts;
import io.switchboard.notification.delivery.DeliveryQueue;
import io.switchboard.notification.delivery.QueuedDelivery;
import io.switchboard.notification.delivery.Senders;
import io.switchboard.notification.delivery.email.MailHeaders;
import io.switchboard.platform.consumer.EventConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * {@code inquiries.inbound}: a new inquiry is remembered and its acknowledgement queued, a missed
 * call alerts the duty operator, and a bounce of one of our mails marks that message failed. Only
 * decides and records, a batch at a time in the batch's transaction; the delivery worker sends.
 */
@ApplicationScoped
public class NotificationInboundConsumer implements EventConsumer {
  private static final Logger LOG = Logger.getLogger(NotificationInboundConsumer.class);

  private final CustomerContacts contacts;
  private final AcknowledgementPromises promises;
  private final AlertPlanner alerts;
  private final DeliveryQueue queue;
  private final Senders senders;
  private final Duration wait;
  private final Duration window;
  private final int perWindow;

  public NotificationInboundConsumer(
      CustomerContacts contacts,
      AcknowledgementPromises promises,
      AlertPlanner alerts,
      DeliveryQueue queue,
      Senders senders,
      NotificationConfig config) {
    this.contacts = contacts;
    this.promises = promises;
    this.alerts = alerts;
    this.queue = queue;
    this.senders = senders;
    this.wait = config.expectedTimeWait();
    this.window = config.acknowledgementWindow();
    this.perWindow = config.acknowledgementsPerWindow();
  }

  @Override
  public String name() {
    return "inquiries-inbound";
  }

  @Override
  public boolean wants(InquiryEvent event) {
    return event instanceof InquiryReceived;
  }

  @Override
  public Uni<Void> apply(InquiryEvent event) {
    return applyAll(List.of(event));
  }

  @Override
  public Uni<Void> applyAll(List<InquiryEvent> events) {
    List<InquiryReceived> inquiries = events.stream().map(InquiryReceived.class::cast).toList();
    Map<InquiryReceived, AcknowledgementRoute> routes = routes(inquiries);
    // The contact is kept even when this deployment cannot acknowledge on the channel: the
    // resolution notice and the rating request need it later, when a provider may be configured.
    List<InquiryReceived> acknowledged =
        routes.entrySet().stream()
            .filter(e -> senders.canSend(e.getValue().medium()))
            .map(Entry::getKey)
            .toList();
    logUnacknowledged(inquiries, routes, Set.copyOf(acknowledged));
    return bounces(inquiries)
        .chain(() -> contacts.remember(routes))
        .chain(
            () ->
                promises.acknowledgementsQueued(
                    acknowledged.stream().map(InquiryReceived::inquiryId).toList()))
        .map(dueKnown -> acknowledgements(acknowledged, routes, dueKnown))
        .chain(acks -> alerts.plan(events, Map.of()).map(alertRows -> concat(acks, alertRows)))
        .chain(rows -> queue.enqueue(rows));
  }

  private static List<QueuedDelivery> concat(List<QueuedDelivery> a, List<QueuedDelivery> b) {
    List<QueuedDelivery> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private List<QueuedDelivery> acknowledgements(
      List<InquiryReceived> acknowledged,
      Map<InquiryReceived, AcknowledgementRoute> routes,
      Set<String> dueKnown) {
    List<QueuedDelivery> acks =
        acknowledged.stream()
            .map(
                inquiry ->
                    Acknowledgements.plan(
                        inquiry, routes.get(inquiry), dueKnown.contains(inquiry.inquiryId()), wait))
            .toList();
    return window.isPositive() ? Acknowledgements.atMostPerAddress(acks, perWindow) : acks;
  }

  private Uni<Void> bounces(List<InquiryReceived> inquiries) {
    Uni<Void> chain = Uni.createFrom().voidItem();
    for (InquiryReceived inquiry : inquiries) {
      if (inquiry.bounceOf() == null) {
        continue;
      }
      Optional<String> ours = MailHeaders.notificationIdOf(inquiry.bounceOf());
      if (ours.isEmpty()) {
        LOG.infof("Inquiry %s reports a bounce of a message that is not ours", inquiry.inquiryId());
        continue;
      }
      String reason = "bounced: inquiry " + inquiry.ticket() + " is the delivery report";
      chain = chain.chain(() -> queue.bounced(ours.get(), reason));
    }
    return chain;
  }

  private static Map<InquiryReceived, AcknowledgementRoute> routes(
      List<InquiryReceived> inquiries) {
    Map<InquiryReceived, AcknowledgementRoute> routes = new LinkedHashMap<>();
    for (InquiryReceived inquiry : inquiries) {
      Acknowledgements.routeOf(inquiry).ifPresent(route -> routes.put(inquiry, route));
    }
    return routes;
  }

  private static void logUnacknowledged(
      List<InquiryReceived> inquiries,
      Map<InquiryReceived, AcknowledgementRoute> routes,
      Set<InquiryReceived> acknowledged) {
    for (InquiryReceived inquiry : inquiries) {
      if (inquiry.automatic() || inquiry.bounceOf() != null) {
        LOG.infof("Inquiry %s was written by a machine: not acknowledged", inquiry.inquiryId());
      } else if (!routes.containsKey(inquiry)) {
        LOG.infof("Inquiry %s has no reply address: not acknowledged", inquiry.inquiryId());
      } else if (!acknowledged.contains(inquiry)) {
        LOG.infof(
            "Inquiry %s: no %s provider is configured, not acknowledged",
            inquiry.inquiryId(), routes.get(inquiry).medium());
      }
    }
  }
}

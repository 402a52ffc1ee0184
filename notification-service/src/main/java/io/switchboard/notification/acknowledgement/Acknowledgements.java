package io.switchboard.notification.acknowledgement;

import io.switchboard.contracts.InquiryReceived;
import io.switchboard.contracts.NotificationKind;
import io.switchboard.notification.delivery.QueuedDelivery;
import io.switchboard.notification.template.CustomerNames;
import io.switchboard.notification.template.Language;
import io.switchboard.notification.template.MessageTemplates;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Which inquiries are acknowledged, where, and when: pure, no I/O. */
public final class Acknowledgements {
  private Acknowledgements() {}

  /**
   * Where to acknowledge {@code inquiry}; empty for machine-written mail (answering a bounce or an
   * auto-reply starts a mail loop) and for an inquiry that left no address.
   */
  public static Optional<AcknowledgementRoute> routeOf(InquiryReceived inquiry) {
    if (inquiry.automatic() || inquiry.bounceOf() != null) {
      return Optional.empty();
    }
    return AcknowledgementRoute.of(inquiry);
  }

  /**
   * The acknowledgement as a ledger row, rendered when it is sent. It is due at once when
   * sla-service's due time is known, else once {@code wait} after receipt, by which the due time
   * usually came; whichever comes second makes it due.
   */
  public static QueuedDelivery plan(
      InquiryReceived inquiry, AcknowledgementRoute route, boolean dueKnown, Duration wait) {
    Map<String, Object> data = new HashMap<>();
    data.put("name", CustomerNames.of(inquiry.customer()));
    data.put("ticket", inquiry.ticket());
    data.put("channel", inquiry.channel().name());
    QueuedDelivery row =
        QueuedDelivery.toCustomer(
            inquiry.inquiryId(),
            NotificationKind.ACKNOWLEDGEMENT,
            route.medium(),
            route.address(),
            route.threadRef(),
            inquiry.ticket(),
            MessageTemplates.Name.ACKNOWLEDGEMENT,
            Language.of(inquiry.language()).code(),
            data);
    return dueKnown ? row : row.due(inquiry.occurredAt().plus(wait));
  }

  /**
   * At most {@code limit} acknowledgements per address within a batch: the later ones are written
   * down suppressed, as the ledger does for an address that reached the limit in earlier batches.
   * (The ledger counts what earlier batches wrote, so one batch can take an address at most {@code
   * limit - 1} past the limit.)
   */
  public static List<QueuedDelivery> atMostPerAddress(
      List<QueuedDelivery> acknowledgements, int limit) {
    Map<String, Integer> seen = new HashMap<>();
    List<QueuedDelivery> result = new ArrayList<>(acknowledgements.size());
    for (QueuedDelivery ack : acknowledgements) {
      int nth = seen.merge(ack.recipientKey(), 1, Integer::sum);
      result.add(nth <= limit ? ack : ack.suppress());
    }
    return result;
  }
}

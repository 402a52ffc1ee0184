package io.switchboard.notification.acknowledgement;

import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.ClockKind;
import io.switchboard.contracts.ClockStarted;
import io.switchboard.contracts.InquiryEvent;
import io.switchboard.contracts.SlaBreached;
import io.switchboard.notification.alert.Alerts;
import io.switchboard.notification.customer.ChatFallback;
import io.switchboard.notification.delivery.Steps;
import io.switchboard.platform.events.IncomingEvents;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code sla.events}: the due times that acknowledgements promise, the breached chats that
 * get the messenger fallback, and the warnings, breaches and escalations operators are alerted to.
 */
@ApplicationScoped
public class SlaEventsConsumer {
  private final ExpectedResponseTimes expected;
  private final ChatFallback chatFallback;
  private final Alerts alerts;

  public SlaEventsConsumer(
      ExpectedResponseTimes expected, ChatFallback chatFallback, Alerts alerts) {
    this.expected = expected;
    this.chatFallback = chatFallback;
    this.alerts = alerts;
  }

  @Incoming("sla-events")
  public Uni<Void> consume(ConsumerRecord<String, String> record) {
    return Uni.createFrom().item(() -> IncomingEvents.decode(record)).chain(this::apply);
  }

  private Uni<Void> apply(InquiryEvent event) {
    if (event instanceof ClockStarted started && started.clock() == ClockKind.FIRST_RESPONSE) {
      expected.announce(started.inquiryId(), started.dueAt());
      return Uni.createFrom().voidItem();
    }
    if (event instanceof SlaBreached breached) {
      return Steps.both(() -> chatFallback.apply(breached), () -> alerts.apply(breached));
    }
    return alerts.apply(event);
  }
}

package io.switchboard.sla.clock;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.ClockKind;
import io.switchboard.contracts.ClockStarted;
import io.switchboard.contracts.EventIds;
import io.switchboard.contracts.InquiryEvent;
import io.switchboard.contracts.InquiryReceived;
import io.switchboard.platform.inbox.Inbox;
import io.switchboard.platform.outbox.Outbox;
import io.switchboard.sla.policy.FirstResponsePolicy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Applies inbound events: starts an inquiry's first-response clock and stages ClockStarted. */
@ApplicationScoped
public class ClockStarter {
  static final String CONSUMER = "sla-service";
  private static final Logger LOG = Logger.getLogger(ClockStarter.class);

  private final Inbox inbox;
  private final Outbox outbox;
  private final FirstResponsePolicy firstResponse;

  public ClockStarter(Inbox inbox, Outbox outbox, FirstResponsePolicy firstResponse) {
    this.inbox = inbox;
    this.outbox = outbox;
    this.firstResponse = firstResponse;
  }

  @WithTransaction
  public Uni<Void> apply(InquiryEvent event) {
    return inbox
        .firstDelivery(CONSUMER, event.eventId())
        .chain(first -> first ? dispatch(event) : skipDuplicate(event));
  }

  private Uni<Void> dispatch(InquiryEvent event) {
    if (event instanceof InquiryReceived received) {
      return startFirstResponse(received);
    }
    return Uni.createFrom().voidItem();
  }

  private Uni<Void> startFirstResponse(InquiryReceived received) {
    UUID inquiryId = UUID.fromString(received.inquiryId());
    // The inbox only knows event ids: an inquiry received again under a new event id must keep
    // the clock it has, and must not hit the unique constraint and land in the dead letters.
    return SlaClock.findFor(inquiryId, ClockKind.FIRST_RESPONSE)
        .chain(existing -> existing == null ? start(inquiryId, received) : keep(existing));
  }

  private Uni<Void> start(UUID inquiryId, InquiryReceived received) {
    Duration target = firstResponse.target(received.channel());
    SlaClock clock = new SlaClock();
    clock.id = EventIds.next();
    clock.inquiryId = inquiryId;
    clock.kind = ClockKind.FIRST_RESPONSE;
    clock.channel = received.channel();
    // From when the customer wrote, not from when this service got to it: consumer lag must not
    // stretch the promise.
    clock.startedAt = received.occurredAt();
    clock.dueAt = clock.startedAt.plus(target);
    clock.targetSeconds = target.toSeconds();
    clock.status = SlaClock.Status.RUNNING;
    ClockStarted started =
        new ClockStarted(
            EventIds.next(),
            received.inquiryId(),
            Instant.now(),
            ClockStarted.SCHEMA_VERSION,
            clock.kind,
            clock.channel,
            clock.startedAt,
            clock.dueAt,
            clock.targetSeconds,
            firstResponse.businessTime());
    LOG.infof("Inquiry %s (%s): first response due at %s", inquiryId, clock.channel, clock.dueAt);
    return clock.persist().chain(() -> outbox.stage(started));
  }

  private Uni<Void> keep(SlaClock existing) {
    LOG.infof(
        "Inquiry %s already has a %s clock due at %s, kept",
        existing.inquiryId, existing.kind, existing.dueAt);
    return Uni.createFrom().voidItem();
  }

  private Uni<Void> skipDuplicate(InquiryEvent event) {
    LOG.debugf("Event %s already processed, skipped", event.eventId());
    return Uni.createFrom().voidItem();
  }
}

package io.switchboard.notification.delivery;

import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.DeliveryFailed;
import io.switchboard.contracts.InquiryEvent;
import io.switchboard.contracts.NotificationKind;
import io.switchboard.notification.metrics.NotificationMetrics;
import io.switchboard.platform.consumer.AfterCommit;
import io.switchboard.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * What follows a recorded outcome, in the recording transaction: the event that announces a settled
 * notification (through the outbox), and after the commit its metrics and log line. A given-up
 * notification is the operational alert: on-call watches ERROR lines of this logger.
 */
@ApplicationScoped
public class SettledDeliveries {
  private static final Logger LOG = Logger.getLogger(SettledDeliveries.class);

  private final Outbox outbox;
  private final NotificationMetrics metrics;

  public SettledDeliveries(Outbox outbox, NotificationMetrics metrics) {
    this.outbox = outbox;
    this.metrics = metrics;
  }

  /** Announces the recorded outcomes of one claim: their events in one insert. */
  Uni<Void> announce(Collection<DeliveryOutcome> recorded) {
    Instant now = Instant.now();
    List<InquiryEvent> events = new ArrayList<>();
    for (DeliveryOutcome outcome : recorded) {
      ClaimedDelivery row = outcome.row();
      switch (outcome.result()) {
        case SENT -> {
          events.add(DeliveryEvents.sent(row, now));
          AfterCommit.run(
              () -> {
                metrics.settled(row.kind(), row.medium(), true, Duration.between(row.dueAt(), now));
                LOG.debugf("%s sent by %s to %s", row.id(), row.medium(), row.recipient());
              });
        }
        case FAILED ->
            events.add(
                alerted(
                    DeliveryEvents.failed(
                        row.inquiryId(),
                        row.id(),
                        row.kind(),
                        row.medium(),
                        outcome.attempts(),
                        outcome.failure(),
                        now),
                    Duration.between(row.dueAt(), now)));
        case RETRY -> AfterCommit.run(() -> metrics.retried(row.medium()));
        case NOT_TRIED -> {
          // Back in the queue without an attempt: nothing happened to announce.
        }
      }
    }
    return outbox.stageAll(events);
  }

  /** A notification given up for good: DeliveryFailed, the failed metric, the operational alert. */
  Uni<Void> givenUp(DeliveryFailed failed, Duration age) {
    return outbox.stage(alerted(failed, age));
  }

  // The metric and the alert line, once the transaction that stages the event committed.
  private DeliveryFailed alerted(DeliveryFailed failed, Duration age) {
    AfterCommit.run(
        () -> {
          metrics.settled(failed.kind(), failed.medium(), false, age);
          LOG.errorf(
              "OPERATIONAL ALERT: %s undeliverable: %s", what(failed.kind()), failed.reason());
        });
    return failed;
  }

  private static String what(NotificationKind kind) {
    return switch (kind) {
      case ACKNOWLEDGEMENT -> "customer acknowledgement";
      case CHAT_FALLBACK, RESOLUTION_NOTICE, CSAT_REQUEST -> "customer message";
      case ASSIGNMENT_ALERT,
          MISSED_CALL_ALERT,
          SLA_WARNING_ALERT,
          SLA_BREACH_ALERT,
          ESCALATION_ALERT,
          OPERATIONAL_ALERT ->
          "alert";
    };
  }
}

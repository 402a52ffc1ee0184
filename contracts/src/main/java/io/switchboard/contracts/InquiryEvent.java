package io.switchboard.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * What every event on a Switchboard topic carries. Records are keyed by {@link #inquiryId()} so
 * that all events of one inquiry stay in order on one partition.
 */
public sealed interface InquiryEvent
    permits InquiryReceived,
        InquiryAssigned,
        ClockStarted,
        AcknowledgementSent,
        CustomerReplied,
        OperatorReplied,
        InquiryPrioritized,
        InquiryQueued,
        InquiryAccepted,
        InquiryForwarded,
        InquiryStatusChanged,
        ClockStopped,
        ClockPaused,
        ClockResumed,
        SlaWarning,
        SlaBreached,
        SlaEscalated,
        AlertSent,
        CustomerNotified,
        DeliveryFailed,
        CsatReceived {

  /** Unique, time-ordered (UUID version 7); consumers deduplicate by it. */
  UUID eventId();

  String inquiryId();

  Instant occurredAt();

  /** Version of this event's payload schema; bumped on any change that could break a consumer. */
  int schemaVersion();
}

package io.switchboard.contracts;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every event type, with its CloudEvents {@code ce_type}, its topic and its record. Several types
 * share a topic; consumers tell them apart by the {@code ce_type} header.
 */
public enum EventType {
  INQUIRY_RECEIVED(
      "switchboard.inquiry.received",
      Topics.INQUIRIES_INBOUND,
      InquiryReceived.class,
      InquiryReceived.SCHEMA_VERSION),
  INQUIRY_ASSIGNED(
      "switchboard.inquiry.assigned",
      Topics.INQUIRIES_LIFECYCLE,
      InquiryAssigned.class,
      InquiryAssigned.SCHEMA_VERSION),
  CLOCK_STARTED(
      "switchboard.sla.clock-started",
      Topics.SLA_EVENTS,
      ClockStarted.class,
      ClockStarted.SCHEMA_VERSION),
  ACKNOWLEDGEMENT_SENT(
      "switchboard.notification.acknowledgement-sent",
      Topics.NOTIFICATIONS_EVENTS,
      AcknowledgementSent.class,
      AcknowledgementSent.SCHEMA_VERSION),
  CUSTOMER_REPLIED(
      "switchboard.inquiry.customer-replied",
      Topics.INQUIRIES_INBOUND,
      CustomerReplied.class,
      CustomerReplied.SCHEMA_VERSION),
  OPERATOR_REPLIED(
      "switchboard.inquiry.operator-replied",
      Topics.INQUIRIES_INBOUND,
      OperatorReplied.class,
      OperatorReplied.SCHEMA_VERSION),
  INQUIRY_PRIORITIZED(
      "switchboard.inquiry.prioritized",
      Topics.INQUIRIES_LIFECYCLE,
      InquiryPrioritized.class,
      InquiryPrioritized.SCHEMA_VERSION),
  INQUIRY_QUEUED(
      "switchboard.inquiry.queued",
      Topics.INQUIRIES_LIFECYCLE,
      InquiryQueued.class,
      InquiryQueued.SCHEMA_VERSION),
  INQUIRY_ACCEPTED(
      "switchboard.inquiry.accepted",
      Topics.INQUIRIES_LIFECYCLE,
      InquiryAccepted.class,
      InquiryAccepted.SCHEMA_VERSION),
  INQUIRY_FORWARDED(
      "switchboard.inquiry.forwarded",
      Topics.INQUIRIES_LIFECYCLE,
      InquiryForwarded.class,
      InquiryForwarded.SCHEMA_VERSION),
  INQUIRY_STATUS_CHANGED(
      "switchboard.inquiry.status-changed",
      Topics.INQUIRIES_LIFECYCLE,
      InquiryStatusChanged.class,
      InquiryStatusChanged.SCHEMA_VERSION),
  CLOCK_STOPPED(
      "switchboard.sla.clock-stopped",
      Topics.SLA_EVENTS,
      ClockStopped.class,
      ClockStopped.SCHEMA_VERSION),
  CLOCK_PAUSED(
      "switchboard.sla.clock-paused",
      Topics.SLA_EVENTS,
      ClockPaused.class,
      ClockPaused.SCHEMA_VERSION),
  CLOCK_RESUMED(
      "switchboard.sla.clock-resumed",
      Topics.SLA_EVENTS,
      ClockResumed.class,
      ClockResumed.SCHEMA_VERSION),
  SLA_WARNING(
      "switchboard.sla.warning", Topics.SLA_EVENTS, SlaWarning.class, SlaWarning.SCHEMA_VERSION),
  SLA_BREACHED(
      "switchboard.sla.breached", Topics.SLA_EVENTS, SlaBreached.class, SlaBreached.SCHEMA_VERSION),
  SLA_ESCALATED(
      "switchboard.sla.escalated",
      Topics.SLA_EVENTS,
      SlaEscalated.class,
      SlaEscalated.SCHEMA_VERSION),
  ALERT_SENT(
      "switchboard.notification.alert-sent",
      Topics.NOTIFICATIONS_EVENTS,
      AlertSent.class,
      AlertSent.SCHEMA_VERSION),
  CUSTOMER_NOTIFIED(
      "switchboard.notification.customer-notified",
      Topics.NOTIFICATIONS_EVENTS,
      CustomerNotified.class,
      CustomerNotified.SCHEMA_VERSION),
  DELIVERY_FAILED(
      "switchboard.notification.delivery-failed",
      Topics.NOTIFICATIONS_EVENTS,
      DeliveryFailed.class,
      DeliveryFailed.SCHEMA_VERSION),
  CSAT_RECEIVED(
      "switchboard.notification.csat-received",
      Topics.NOTIFICATIONS_EVENTS,
      CsatReceived.class,
      CsatReceived.SCHEMA_VERSION);

  private final String ceType;
  private final String topic;
  private final Class<? extends InquiryEvent> recordClass;
  private final int schemaVersion;

  EventType(
      String ceType, String topic, Class<? extends InquiryEvent> recordClass, int schemaVersion) {
    this.ceType = ceType;
    this.topic = topic;
    this.recordClass = recordClass;
    this.schemaVersion = schemaVersion;
  }

  public String ceType() {
    return ceType;
  }

  public String topic() {
    return topic;
  }

  public Class<? extends InquiryEvent> recordClass() {
    return recordClass;
  }

  public int schemaVersion() {
    return schemaVersion;
  }

  public static Optional<EventType> ofCeType(String ceType) {
    return Arrays.stream(values()).filter(t -> t.ceType.equals(ceType)).findFirst();
  }

  public static EventType of(InquiryEvent event) {
    return Arrays.stream(values())
        .filter(t -> t.recordClass == event.getClass())
        .findFirst()
        .orElseThrow();
  }
}

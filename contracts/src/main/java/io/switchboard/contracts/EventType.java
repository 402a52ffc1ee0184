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
      AcknowledgementSent.SCHEMA_VERSION);

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

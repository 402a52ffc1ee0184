package io.switchboard.platform.events;

import io.switchboard.contracts.CloudEvents;
import io.switchboard.contracts.EventCodec;
import io.switchboard.contracts.InquiryEvent;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** Reads a Switchboard event from a Kafka record (CloudEvents binary mode). */
public final class IncomingEvents {
  private IncomingEvents() {}

  /**
   * @throws EventCodec.MalformedEventException when the record is not a valid Switchboard event;
   *     the consumer sends it to its dead-letter topic with this reason
   */
  public static InquiryEvent decode(ConsumerRecord<String, String> record) {
    Header type = record.headers().lastHeader(CloudEvents.TYPE);
    if (type == null) {
      throw new EventCodec.MalformedEventException("record has no " + CloudEvents.TYPE + " header");
    }
    if (record.value() == null) {
      throw new EventCodec.MalformedEventException("record has no value");
    }
    InquiryEvent event =
        EventCodec.decode(new String(type.value(), StandardCharsets.UTF_8), record.value());
    if (record.key() != null && !record.key().equals(event.inquiryId())) {
      throw new EventCodec.MalformedEventException(
          "record key " + record.key() + " is not the event's inquiry id " + event.inquiryId());
    }
    return event;
  }

  /** The record's {@code ce_type} header, or "no ce_type" for log lines. */
  public static String ceType(ConsumerRecord<String, String> record) {
    Header type = record.headers().lastHeader(CloudEvents.TYPE);
    return type == null
        ? "no " + CloudEvents.TYPE
        : new String(type.value(), StandardCharsets.UTF_8);
  }
}

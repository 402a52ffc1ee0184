package io.switchboard.contracts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** JSON form of the events, the same for every producer and consumer. */
public final class EventCodec {

  // Unknown properties are ignored so that adding an optional field never breaks a consumer.
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private EventCodec() {}

  public static String encode(InquiryEvent event) {
    try {
      return MAPPER.writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Event cannot be written as JSON: " + event, e);
    }
  }

  /**
   * Reads an event of the given CloudEvents type.
   *
   * @throws MalformedEventException for an unknown type, a payload that does not fit its record or
   *     a schema version newer than the one this code reads
   */
  public static InquiryEvent decode(String ceType, String json) {
    EventType type =
        EventType.ofCeType(ceType)
            .orElseThrow(() -> new MalformedEventException("unknown event type '" + ceType + "'"));
    try {
      InquiryEvent event = MAPPER.readValue(json, type.recordClass());
      if (event.eventId() == null || event.inquiryId() == null || event.occurredAt() == null) {
        throw new MalformedEventException(ceType + " lacks eventId, inquiryId or occurredAt");
      }
      if (event.schemaVersion() > type.schemaVersion()) {
        // A newer version is a breaking change this consumer was not built for: reading it as the
        // old record could silently drop or misread what changed.
        throw new MalformedEventException(
            ceType
                + " schema version "
                + event.schemaVersion()
                + " is newer than the version this consumer reads ("
                + type.schemaVersion()
                + ")");
      }
      return event;
    } catch (JsonProcessingException e) {
      throw new MalformedEventException(
          ceType + " payload is not valid: " + e.getOriginalMessage());
    }
  }

  /** A record on a Switchboard topic that no consumer can understand: it goes to a dead letter. */
  public static final class MalformedEventException extends RuntimeException {
    public MalformedEventException(String reason) {
      super(reason);
    }
  }
}

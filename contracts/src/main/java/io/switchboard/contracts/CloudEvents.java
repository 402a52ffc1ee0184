package io.switchboard.contracts;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CloudEvents 1.0 Kafka protocol binding, binary mode: the record value is the event's JSON and the
 * attributes travel as {@code ce_*} headers.
 */
public final class CloudEvents {
  public static final String SPEC_VERSION = "ce_specversion";
  public static final String ID = "ce_id";
  public static final String TYPE = "ce_type";
  public static final String SOURCE = "ce_source";
  public static final String TIME = "ce_time";
  public static final String SUBJECT = "ce_subject";
  public static final String CONTENT_TYPE = "content-type";

  private CloudEvents() {}

  /**
   * The headers for one event.
   *
   * @param source the producing service, as a URI reference such as {@code /ingest-service}
   */
  public static Map<String, String> headers(InquiryEvent event, String source) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(SPEC_VERSION, "1.0");
    headers.put(ID, event.eventId().toString());
    headers.put(TYPE, EventType.of(event).ceType());
    headers.put(SOURCE, source);
    headers.put(TIME, event.occurredAt().toString());
    headers.put(SUBJECT, event.inquiryId());
    headers.put(CONTENT_TYPE, "application/json");
    return headers;
  }
}

package io.switchboard.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * An inquiry moved in its lifecycle (reopen included).
 *
 * @param previous state before
 * @param current state after
 * @param actor operator id, customer or system
 * @param reason why
 * @param operatorReplied the move records an operator's answer to the customer (from a channel or
 *     through the operator API): the response clocks stop. Added within version 1; absent in older
 *     payloads, read as false.
 */
public record InquiryStatusChanged(
    UUID eventId,
    String inquiryId,
    Instant occurredAt,
    int schemaVersion,
    InquiryStatus previous,
    InquiryStatus current,
    String actor,
    String reason,
    boolean operatorReplied)
    implements InquiryEvent {

  public static final int SCHEMA_VERSION = 1;
}

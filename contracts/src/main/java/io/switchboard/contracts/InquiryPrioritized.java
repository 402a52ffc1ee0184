package io.switchboard.contracts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * routing-service decided how urgent an inquiry is, and why.
 *
 * @param priority p1 is answered first
 * @param matchedRules names of the rules that matched, in order
 * @param segment customer segment, e.g. key-account
 * @param teamId the team the inquiry goes to
 */
public record InquiryPrioritized(
    UUID eventId,
    String inquiryId,
    Instant occurredAt,
    int schemaVersion,
    Priority priority,
    List<String> matchedRules,
    String segment,
    String teamId)
    implements InquiryEvent {

  public static final int SCHEMA_VERSION = 1;
}

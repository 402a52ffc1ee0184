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
 * @param topic the topic the team rules decided, null when none (added later within version 1:
 *     absent from older records)
 * @param teamRule the team rule that chose team and topic
 */
public record InquiryPrioritized(
    UUID eventId,
    String inquiryId,
    Instant occurredAt,
    int schemaVersion,
    Priority priority,
    List<String> matchedRules,
    String segment,
    String teamId,
    String topic,
    String teamRule)
    implements InquiryEvent {

  public static final int SCHEMA_VERSION = 1;
}

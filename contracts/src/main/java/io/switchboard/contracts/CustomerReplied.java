package io.switchboard.contracts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The customer wrote again in an open (or resolved) inquiry's thread.
 *
 * @param channel how the reply came
 * @param text plain text, quoted history and signature removed
 * @param textTruncated true when the text was cut to the configured limit
 * @param attachments attachments as metadata only
 * @param sourceMessageId the channel's own id of the message
 * @param automatic true for machine-written mail: never answer it automatically
 */
public record CustomerReplied(
    UUID eventId,
    String inquiryId,
    Instant occurredAt,
    int schemaVersion,
    Channel channel,
    String text,
    boolean textTruncated,
    List<Attachment> attachments,
    String sourceMessageId,
    boolean automatic)
    implements InquiryEvent {

  public static final int SCHEMA_VERSION = 1;
}

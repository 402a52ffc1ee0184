package io.switchboard.contracts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A new inquiry arrived on a channel and was normalized by ingest-service.
 *
 * @param ticket short human-readable inquiry number shown to the customer, e.g. {@code
 *     SB-7K3QZ9XD2M4P}
 * @param sourceMessageId the channel's own id of the message, or the client's idempotency key
 * @param language detected language of the text, ISO 639-1 ({@code ru}, {@code en})
 * @param automatic true for machine-written mail (bounces, auto-replies, bulk): never acknowledge
 * @param kind a message to answer, or a missed call or voicemail to call back
 * @param textTruncated true when the text was cut to the configured limit
 * @param attachments attachments as metadata only
 * @param replyAddress where the acknowledgement and answers go
 * @param bounceOf for a delivery report (bounce) returning a message Switchboard sent: that
 *     message's Message-ID, e.g. {@code <…ack.0@switchboard>}; null otherwise. Such an inquiry is
 *     always {@code automatic}. Added within version 1; absent (null) in older payloads
 */
public record InquiryReceived(
    UUID eventId,
    String inquiryId,
    Instant occurredAt,
    int schemaVersion,
    String ticket,
    Channel channel,
    Customer customer,
    String subject,
    String text,
    String language,
    String sourceMessageId,
    boolean automatic,
    InquiryKind kind,
    boolean textTruncated,
    List<Attachment> attachments,
    ReplyAddress replyAddress,
    String bounceOf)
    implements InquiryEvent {

  public static final int SCHEMA_VERSION = 1;
}

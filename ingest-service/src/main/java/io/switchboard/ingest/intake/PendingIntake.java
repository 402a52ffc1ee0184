package io.switchboard.ingest.intake;

import java.util.UUID;

/**
 * An intake row the sweeper publishes: what its request stored and left PENDING.
 *
 * @param eventType the CloudEvents type of the stored event
 */
public record PendingIntake(String sourceKey, UUID inquiryId, String eventType, String eventJson) {}

package io.switchboard.ingest.intake;

/**
 * What the intake did with a submission.
 *
 * @param firstDelivery false when the source message had been accepted before (a retry or a
 *     duplicate): nothing new was published for it
 */
public record Outcome(Accepted accepted, boolean firstDelivery) {}

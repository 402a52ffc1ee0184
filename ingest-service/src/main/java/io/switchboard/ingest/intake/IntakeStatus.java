package io.switchboard.ingest.intake;

/**
 * What happened to a source message's event, as far as its client was told. Every transition keeps
 * one promise: a row is PUBLISHED only after the broker acknowledged its event, and the sweeper
 * publishes only rows whose client heard 202 or nothing at all, never one that heard 503.
 *
 * <pre>
 *   (claim) ──▶ PENDING ──broker ack──▶ PUBLISHED
 *                │   ▲
 *   broker refused│   │client retries with the same key
 *     (503 told)  ▼   │
 *               REFUSED ──older than the retention──▶ (deleted)
 *
 *   PENDING older than the grace period ──sweeper publishes──▶ PUBLISHED
 * </pre>
 */
public enum IntakeStatus {
  /**
   * Claimed, and either being published, or left behind: by a crash before the client was answered,
   * or by a database failure when marking it after the broker acknowledged (the client heard 202).
   */
  PENDING,
  /** The broker acknowledged the event; the client heard 202 or will on its next retry. */
  PUBLISHED,
  /**
   * The broker refused or timed out and the client heard 503. The stored event stays for a retry
   * with the same key; the sweeper never publishes it.
   */
  REFUSED;

  /**
   * @return whether a request for this key must publish the stored event before answering 202
   */
  public boolean needsPublishing() {
    return this != PUBLISHED;
  }
}

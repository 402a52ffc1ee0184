package io.switchboard.ingest.intake;

/** How many rows one sweeper round settled, by outcome. */
public record SweepTally(int published, int failed, int expired) {

  public SweepTally withExpired(int count) {
    return new SweepTally(published, failed, expired + count);
  }
}

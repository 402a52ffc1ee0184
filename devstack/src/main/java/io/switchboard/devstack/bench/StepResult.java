package io.switchboard.devstack.bench;

/**
 * One step's figures, for its block and the summary.
 *
 * @param pipeline null for ingest alone: nothing consumes its topic
 * @param inquiries inquiries published to the step's inbound topic
 * @param drain null for ingest alone
 */
record StepResult(
    String name,
    boolean endToEnd,
    int rate,
    Wrk.Load load,
    Wrk.Result http,
    PipelineTracker.Outcome pipeline,
    long inquiries,
    DbStats.Snapshot db,
    Sampler.Figures sampled,
    long kafkaRecords,
    BacklogDrain drain,
    long stepStartMillis) {

  double acceptedPerSecond() {
    return http.acceptedPerSecond();
  }

  /**
   * Inquiries on the inbound topic per second of load: ingest publishes before it answers, so this
   * counts what wrk gave up waiting for at the end of the step too.
   */
  double publishedPerSecond() {
    return http.seconds() > 0 ? inquiries / http.seconds() : Double.NaN;
  }

  /** Acknowledged inquiries per second from the first request to the last acknowledgement. */
  double acknowledgedPerSecond() {
    if (pipeline == null || pipeline.acknowledged() == 0) {
      return Double.NaN;
    }
    return pipeline.acknowledged()
        / Math.max(0.001, (pipeline.lastAcknowledged() - stepStartMillis) / 1000.0);
  }

  double routedPerSecond() {
    if (pipeline == null || pipeline.routed() == 0) {
      return Double.NaN;
    }
    return pipeline.routed() / Math.max(0.001, (pipeline.lastRouted() - stepStartMillis) / 1000.0);
  }

  double statementsPerInquiry(String label) {
    Long calls = db.calls().get(label);
    return calls == null || inquiries == 0 ? Double.NaN : calls / (double) inquiries;
  }

  /** The step's name in the summary table and the targets. */
  String shortName() {
    if (!endToEnd) {
      return "ingest alone, closed loop";
    }
    return rate > 0 ? "end to end, " + rate + "/s" : "end to end, saturation";
  }
}

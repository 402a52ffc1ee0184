package io.switchboard.devstack.bench;

import java.util.Map;

/**
 * What a step's figures are read against, measured earlier in the same run.
 *
 * @param producer Kafka's ProducerPerformance; null if not run or failed
 * @param insert pgbench's single insert; null if not run or failed
 * @param idleStatementsPerSecond each service's statements per second with no load, by label
 */
record Yardsticks(
    Baselines.Producer producer,
    Baselines.Insert insert,
    Map<String, Double> idleStatementsPerSecond) {
  static final Yardsticks NONE = new Yardsticks(null, null, Map.of());

  Yardsticks withIdle(Map<String, Double> idle) {
    return new Yardsticks(producer, insert, idle);
  }

  /** A service's statements in a step net of what it runs idle over the same time. */
  double netOfIdle(String label, long calls, double seconds) {
    Double idle = idleStatementsPerSecond.get(label);
    return idle == null ? Double.NaN : Math.max(0, calls - idle * seconds);
  }
}

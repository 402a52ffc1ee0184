package io.switchboard.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Settings every Switchboard service shares. */
@ConfigMapping(prefix = "switchboard")
public interface SwitchboardConfig {

  /**
   * Prepended to every topic name. Empty in production; tests give each JVM its own prefix so that
   * they never read each other's events.
   */
  Optional<String> topicPrefix();

  /**
   * Test-only: a file the fault suite writes {@code <FaultPoint>[@<n>]} into to make this JVM halt
   * there (watched by {@link io.switchboard.platform.fault.FaultHooks}, read as a system property).
   * Never set in production.
   */
  Fault fault();

  interface Fault {
    Optional<String> haltFile();
  }

  /** How consumers apply records and retry failures (see {@code consumer.BatchProcessor}). */
  Processing processing();

  interface Processing {
    /**
     * The longest one attempt at a batch may take, from opening its transaction to its commit. A
     * slower attempt counts as a transient failure and is retried: no record waits forever.
     */
    @WithDefault("30s")
    Duration attemptTimeout();

    /** The delay after the first failed attempt; it doubles with every further failure. */
    @WithDefault("100ms")
    Duration initialBackoff();

    /** The longest delay between attempts while a dependency stays down. */
    @WithDefault("5s")
    Duration maxBackoff();

    /**
     * Attempts at a batch the database keeps aborting for conflicts (deadlocks, serialization
     * failures) before its records are tried one by one and, if one still fails, dead-lettered.
     */
    @WithDefault("8")
    int conflictAttempts();

    /**
     * How long the broker waits for a silent consumer before giving its partitions to another
     * instance: a killed instance's work moves on after this.
     */
    @WithDefault("10s")
    Duration sessionTimeout();

    /**
     * How long processed event ids are remembered. A redelivery or a re-driven dead letter older
     * than this would be applied again.
     */
    @WithDefault("30d")
    Duration inboxRetention();
  }

  /** The outbox relay. */
  Outbox outbox();

  interface Outbox {
    /**
     * How often the relay's leader looks for unpublished events on its own. A fallback only: a
     * commit that stages an event wakes the leader at once (PostgreSQL NOTIFY), so this bounds the
     * delay only of events whose notification was missed, for example while the leader was
     * reconnecting.
     */
    @WithDefault("1s")
    Duration pollInterval();

    /** Events published per relay round; a full round is followed by another one at once. */
    @WithDefault("200")
    int batchSize();

    /**
     * How often an instance that is not the relay's leader tries to take over, and how often the
     * leader proves its lock connection alive: the pause in publishing after a leader dies.
     */
    @WithDefault("1s")
    Duration leaderCheckInterval();

    /**
     * The longest a relay round may take (read, publish, delete) before it counts as failed and the
     * next one may start. Above the producer's own bounds ({@code switchboard.kafka.producer.
     * max-block} plus {@code delivery-timeout}), so that a slow broker fails a send, not a round.
     */
    @WithDefault("30s")
    Duration roundTimeout();
  }

  default String topic(String contractTopic) {
    return topicPrefix().orElse("") + contractTopic;
  }
}

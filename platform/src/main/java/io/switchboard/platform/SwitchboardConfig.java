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
   * Test-only: where the fault suite makes this JVM halt ({@code <FaultPoint>[@<n>]}, read by
   * {@link io.switchboard.platform.fault.FaultHooks}). Never set in production.
   */
  Fault fault();

  interface Fault {
    Optional<String> haltAt();
  }

  /** The outbox relay. */
  Outbox outbox();

  interface Outbox {
    /** How often the relay looks for unpublished events: the upper bound of publish delay. */
    @WithDefault("0.2s")
    Duration pollInterval();

    /** Events published per relay round. */
    @WithDefault("200")
    int batchSize();
  }

  default String topic(String contractTopic) {
    return topicPrefix().orElse("") + contractTopic;
  }
}

package io.switchboard.platform.kafka;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How a Switchboard service's own Kafka clients behave; the broker list is {@code
 * kafka.bootstrap.servers}, as for every Kafka client of the service.
 */
@ConfigMapping(prefix = "switchboard.kafka")
public interface KafkaSettings {

  /** The one producer of a service: outbox relay, dead letters and re-drives. */
  Producer producer();

  interface Producer {
    /**
     * How long a send may wait for more records to share its request. None by default: the outbox
     * relay hands a round's rows to the producer together, so they share requests without waiting,
     * and rows that arrive while a request is in flight wait for it anyway; a linger would add its
     * whole length to every commit → publish hop of a quiet service (OutboxDelayBenchmark: 5 ms
     * took p50 from 9.6 to 15.9 ms, and drained a burst no faster).
     */
    @WithDefault("0ms")
    Duration linger();

    /** How long the broker may take to acknowledge a record, retries included. */
    @WithDefault("15s")
    Duration deliveryTimeout();

    /** How long a single request may wait for the broker's answer. */
    @WithDefault("5s")
    Duration requestTimeout();

    /** How long {@code send} may wait for metadata or buffer space while the broker is away. */
    @WithDefault("10s")
    Duration maxBlock();
  }
}

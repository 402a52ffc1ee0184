package io.switchboard.platform.consumer;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;
import java.util.Map;
import java.util.Optional;

/**
 * The service's consumers by name ({@code switchboard.consumers.<name>.*}); each name belongs to
 * one {@link EventConsumer} bean. Topic names are the contract's: the topic prefix is added here.
 */
@ConfigMapping(prefix = "switchboard.consumers")
public interface ConsumerSettings {

  @WithParentName
  Map<String, Consumer> consumers();

  interface Consumer {
    /** The topic read, e.g. {@code inquiries.inbound}. */
    String topic();

    /**
     * The records that can never be processed go here, as they were read plus the reason, e.g.
     * {@code inquiries.inbound.routing.dlq}.
     */
    String deadLetterTopic();

    /** The consumer group; the service's application name when not set. */
    Optional<String> group();

    /**
     * The most records applied in one transaction (one poll, all its partitions). Larger batches
     * mean fewer round trips under load; a quiet system still applies each record as it comes.
     */
    @WithDefault("500")
    int maxBatch();
  }
}

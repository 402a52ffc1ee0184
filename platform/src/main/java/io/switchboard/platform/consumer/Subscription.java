package io.switchboard.platform.consumer;

/**
 * One consumer's wiring as this deployment runs it: topic names with the topic prefix applied.
 *
 * @param name the consumer's name, {@code switchboard.consumers.<name>}
 * @param group its consumer group, also the key under which its inbox remembers events
 */
record Subscription(
    String name, String topic, String deadLetterTopic, String group, int maxBatch) {}

package io.switchboard.platform.consumer;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.InquiryEvent;
import java.util.List;

/**
 * What a service does with the events of one of its topics. The platform does the rest (see {@link
 * BatchProcessor}): it reads records in batches (a poll, all its partitions), decodes them,
 * dead-letters what can never be processed, opens one transaction per batch, drops events this
 * consumer already processed (the inbox) and retries transient failures. Implementations only
 * change state and stage outgoing events; they never open transactions of their own.
 */
public interface EventConsumer {

  /** The name of this consumer's settings, {@code switchboard.consumers.<name>}. */
  String name();

  /**
   * Whether this consumer acts on the event at all. Events it ignores are neither remembered nor
   * given a transaction.
   */
  default boolean wants(InquiryEvent event) {
    return true;
  }

  /**
   * Applies one event inside the batch's transaction. Throw to fail the batch: transient failures
   * are retried, anything else dead-letters the event after it was tried on its own.
   */
  Uni<Void> apply(InquiryEvent event);

  /**
   * Applies the new events of a batch, in partition order, inside one transaction. Override it to
   * apply a batch with set-based statements; by default the events are applied one after another.
   */
  default Uni<Void> applyAll(List<InquiryEvent> events) {
    return Multi.createFrom()
        .iterable(events)
        .onItem()
        .transformToUniAndConcatenate(this::apply)
        .collect()
        .last()
        .replaceWithVoid();
  }
}

package io.switchboard.notification.delivery;

import io.smallrye.mutiny.Uni;
import java.util.function.Supplier;

/** Runs independent deliveries of one event one after the other. */
public final class Steps {
  private Steps() {}

  /**
   * Runs {@code second} even when {@code first} failed, so that an undeliverable alert does not
   * cost the customer their message or the reverse, then fails with the first failure, if any.
   */
  public static Uni<Void> both(Supplier<Uni<Void>> first, Supplier<Uni<Void>> second) {
    return Uni.createFrom()
        .deferred(first::get)
        .onItemOrFailure()
        .transformToUni(
            (ignored, firstFailure) ->
                Uni.createFrom()
                    .deferred(second::get)
                    .chain(
                        () ->
                            firstFailure == null
                                ? Uni.createFrom().voidItem()
                                : Uni.createFrom().<Void>failure(firstFailure)));
  }
}

package io.switchboard.platform.inbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Remembers which events a consumer has processed. Claims run in the transaction that applies the
 * events: if it rolls back, they count as unprocessed again. A concurrent claim of the same id (a
 * partition that moved to another instance mid-batch) waits on the unique index until the first
 * transaction ends, so an event is applied once and events of one inquiry keep their order.
 */
@ApplicationScoped
public class Inbox {
  private final String claim;

  public Inbox(
      @ConfigProperty(name = "quarkus.hibernate-orm.database.default-schema") String schema) {
    // One statement for the whole batch; ids travel as one text parameter, portable across drivers.
    this.claim =
        "with claimed as (insert into "
            + schema
            + ".processed_event (consumer, event_id)"
            + " select :consumer, id::uuid from unnest(string_to_array(:ids, ',')) as id"
            + " on conflict do nothing returning event_id)"
            + " select event_id from claimed";
  }

  /** Of {@code eventIds}, those {@code consumer} sees for the first time; now remembered. */
  public Uni<Set<UUID>> claim(String consumer, List<UUID> eventIds) {
    if (eventIds.isEmpty()) {
      return Uni.createFrom().item(Set.of());
    }
    String ids = eventIds.stream().map(UUID::toString).collect(Collectors.joining(","));
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(claim, UUID.class)
                    .setParameter("consumer", consumer)
                    .setParameter("ids", ids)
                    .getResultList())
        .map(HashSet::new);
  }

  /** True the first time {@code consumer} sees {@code eventId}, false for a redelivery. */
  public Uni<Boolean> firstDelivery(String consumer, UUID eventId) {
    return claim(consumer, List.of(eventId)).map(claimed -> claimed.contains(eventId));
  }
}

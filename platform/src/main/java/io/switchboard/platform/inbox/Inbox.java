package io.switchboard.platform.inbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Remembers which events a consumer has processed. Call it in the transaction that applies the
 * event: if that transaction rolls back, the event counts as unprocessed again.
 */
@ApplicationScoped
public class Inbox {
  private final String insert;

  public Inbox(
      @ConfigProperty(name = "quarkus.hibernate-orm.database.default-schema") String schema) {
    this.insert =
        "insert into "
            + schema
            + ".processed_event (consumer, event_id) values (:consumer, :eventId)"
            + " on conflict do nothing";
  }

  /** True the first time {@code consumer} sees {@code eventId}, false for a redelivery. */
  public Uni<Boolean> firstDelivery(String consumer, UUID eventId) {
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(insert)
                    .setParameter("consumer", consumer)
                    .setParameter("eventId", eventId)
                    .executeUpdate())
        .map(inserted -> inserted == 1);
  }
}

package io.switchboard.platform.outbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.EventCodec;
import io.switchboard.contracts.EventType;
import io.switchboard.contracts.InquiryEvent;
import io.switchboard.platform.SwitchboardConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Stages an outgoing event in the caller's transaction. Call it inside {@code @WithTransaction}:
 * the event is published if and only if the state change it describes commits.
 *
 * <p>Events of one inquiry are staged by transactions that lock the inquiry's row first: they
 * commit one after the other and take the table's sequence numbers in that order, and the relay
 * publishes in sequence order, so an inquiry's events reach Kafka in the order they committed.
 * Staging without that lock gives up the order for the events it races with.
 */
@ApplicationScoped
public class Outbox {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SwitchboardConfig config;
  private final String insertAll;

  public Outbox(
      SwitchboardConfig config,
      @ConfigProperty(name = "quarkus.hibernate-orm.database.default-schema") String schema) {
    this.config = config;
    // The rows travel as one text parameter (bound to json, the driver would send a Java string as
    // a JSON string); "with ordinality ... order by" hands the identity column its numbers in the
    // order of the list, which is the order the relay publishes in.
    this.insertAll =
        "insert into "
            + schema
            + ".outbox_message (id, topic, record_key, event_type, payload, occurred_at,"
            + " created_at) select cast(e->>'id' as uuid), e->>'topic', e->>'key', e->>'type',"
            + " e->>'payload', cast(e->>'occurredAt' as timestamptz),"
            + " cast(e->>'createdAt' as timestamptz)"
            + " from json_array_elements(cast(cast(:rows as text) as json)) with ordinality as m(e, n)"
            + " order by n";
  }

  public Uni<Void> stage(InquiryEvent event) {
    EventType type = EventType.of(event);
    OutboxMessage message = new OutboxMessage();
    message.id = event.eventId();
    message.topic = config.topic(type.topic());
    message.recordKey = event.inquiryId();
    message.eventType = type.ceType();
    message.payload = EventCodec.encode(event);
    message.occurredAt = event.occurredAt();
    // Only for the publish delay metric: the relay orders by the table's sequence, never by clocks.
    message.createdAt = Instant.now();
    return message.persist().replaceWithVoid();
  }

  /**
   * Stages {@code events} with one statement, published in the order of the list. Use it where a
   * batch stages many events; it does not go through the session's entities, so staging with {@link
   * #stage} and this in one transaction orders the rows by when each reached the database.
   */
  public Uni<Void> stageAll(List<? extends InquiryEvent> events) {
    if (events.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    String createdAt = Instant.now().toString();
    ArrayNode rows = JSON.createArrayNode();
    for (InquiryEvent event : events) {
      EventType type = EventType.of(event);
      rows.addObject()
          .put("id", event.eventId().toString())
          .put("topic", config.topic(type.topic()))
          .put("key", event.inquiryId())
          .put("type", type.ceType())
          .put("payload", EventCodec.encode(event))
          .put("occurredAt", event.occurredAt().toString())
          .put("createdAt", createdAt);
    }
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(insertAll)
                    .setParameter("rows", rows.toString())
                    .executeUpdate())
        .replaceWithVoid();
  }
}

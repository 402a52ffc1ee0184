package io.switchboard.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
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
    // One parameter for the whole batch (portable across drivers; text first, as a string bound to
    // jsonb would arrive as a JSON string); the sequence is drawn in the order of the list, so the
    // relay publishes the rows in that order.
    this.insertAll =
        "insert into "
            + schema
            + ".outbox_message (id, topic, record_key, event_type, payload, occurred_at,"
            + " created_at)"
            + " select (e->>'id')::uuid, e->>'topic', e->>'key', e->>'type', e->>'payload',"
            + " (e->>'occurredAt')::timestamptz, (e->>'createdAt')::timestamptz"
            + " from jsonb_array_elements(cast(cast(:rows as text) as jsonb)) with ordinality as r(e, n)"
            + " order by r.n";
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
   * Stages the events in one statement, in list order, which is the order the relay publishes them:
   * a batch keeps each inquiry's events in the order given. Events staged one by one earlier in the
   * transaction are written first (the session is flushed), so they keep their place too.
   */
  public Uni<Void> stageAll(List<? extends InquiryEvent> events) {
    if (events.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    String rows = rows(events, Instant.now());
    return Panache.getSession()
        .chain(
            session ->
                session
                    .flush()
                    .chain(
                        () ->
                            session
                                .createNativeMutationQuery(insertAll)
                                .setParameter("rows", rows)
                                .executeUpdate()))
        .replaceWithVoid();
  }

  private String rows(List<? extends InquiryEvent> events, Instant now) {
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
          .put("createdAt", now.toString());
    }
    try {
      return JSON.writeValueAsString(rows);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Events cannot be written as JSON", e);
    }
  }
}

package io.switchboard.platform.outbox;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An event committed with a state change and not yet acknowledged by the broker. */
@Entity
@Table(name = "outbox_message")
public class OutboxMessage extends PanacheEntityBase {
  @Id public UUID id;
  public String topic;

  @Column(name = "record_key")
  public String recordKey;

  @Column(name = "event_type")
  public String eventType;

  public String payload;

  @Column(name = "occurred_at")
  public Instant occurredAt;

  @Column(name = "created_at")
  public Instant createdAt;
}

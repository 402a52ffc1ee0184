package io.switchboard.ingest.intake;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** What a source message became, so that its redelivery finds the same inquiry. */
@Entity
@Table(name = "intake")
public class IntakeRecord extends PanacheEntityBase {
  @Id
  @Column(name = "source_key")
  public String sourceKey;

  @Column(name = "inquiry_id")
  public UUID inquiryId;

  public String ticket;

  @Column(name = "payload_hash")
  public String payloadHash;

  @Column(name = "event_json")
  public String eventJson;

  /** The CloudEvents type of the stored event. */
  @Column(name = "event_type")
  public String eventType;

  @Enumerated(EnumType.STRING)
  public IntakeStatus status;

  /** When the row entered its status, by the database's clock. */
  @Column(name = "state_since")
  public Instant stateSince;

  @Column(name = "created_at")
  public Instant createdAt;

  @Column(name = "published_at")
  public Instant publishedAt;
}

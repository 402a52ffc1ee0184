package io.switchboard.sla.clock;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ClockKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An SLA clock of one inquiry: when it started and when the promise runs out. */
@Entity
@Table(name = "sla_clock")
public class SlaClock extends PanacheEntityBase {
  public enum Status {
    RUNNING
  }

  @Id public UUID id;

  @Column(name = "inquiry_id")
  public UUID inquiryId;

  @Enumerated(EnumType.STRING)
  public ClockKind kind;

  @Enumerated(EnumType.STRING)
  public Channel channel;

  @Column(name = "started_at")
  public Instant startedAt;

  @Column(name = "due_at")
  public Instant dueAt;

  @Column(name = "target_seconds")
  public long targetSeconds;

  @Enumerated(EnumType.STRING)
  public Status status;

  public static Uni<SlaClock> findFor(UUID inquiryId, ClockKind kind) {
    return find("inquiryId = ?1 and kind = ?2", inquiryId, kind).firstResult();
  }
}

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
import java.util.List;
import java.util.UUID;

/** An SLA clock of one inquiry: when it started and when the promise runs out. */
@Entity
@Table(name = "sla_clock")
public class SlaClock extends PanacheEntityBase {
  public enum Status {
    RUNNING,
    PAUSED,
    STOPPED
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

  /** The policy rule the target came from. */
  public String rule;

  /** Business calendar of the target, null for calendar time. */
  public String calendar;

  @Column(name = "cap_seconds")
  public Long capSeconds;

  @Column(name = "run_started_at")
  public Instant runStartedAt;

  @Column(name = "counted_seconds")
  public long countedSeconds;

  @Column(name = "wall_seconds")
  public long wallSeconds;

  @Column(name = "paused_at")
  public Instant pausedAt;

  @Column(name = "stopped_at")
  public Instant stoppedAt;

  public Boolean met;

  public static Uni<SlaClock> findFor(UUID inquiryId, ClockKind kind) {
    return find("inquiryId = ?1 and kind = ?2", inquiryId, kind).firstResult();
  }

  public static Uni<List<SlaClock>> allOf(UUID inquiryId) {
    return list("inquiryId = ?1 order by kind", inquiryId);
  }
}

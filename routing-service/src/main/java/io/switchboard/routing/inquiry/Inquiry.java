package io.switchboard.routing.inquiry;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.Priority;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/** An inquiry as routing sees it: who has it and how urgent it is. */
@Entity
public class Inquiry extends PanacheEntityBase {
  public enum Status {
    QUEUED,
    ASSIGNED
  }

  @Id public UUID id;
  public String ticket;

  @Enumerated(EnumType.STRING)
  public Channel channel;

  @Enumerated(EnumType.STRING)
  public Priority priority;

  @Enumerated(EnumType.STRING)
  public Status status;

  @Column(name = "team_id")
  public String teamId;

  @Column(name = "operator_id")
  public String operatorId;

  @Column(name = "received_at")
  public Instant receivedAt;

  @Column(name = "assigned_at")
  public Instant assignedAt;
}

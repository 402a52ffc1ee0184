package io.switchboard.routing.directory;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

/** A team with its queue, its supervisor and how it spreads work. */
@Entity
public class Team extends PanacheEntityBase {
  @Id public String id;

  @Column(name = "display_name")
  public String displayName;

  @Column(name = "supervisor_id")
  public String supervisorId;

  @Enumerated(EnumType.STRING)
  @Column(name = "routing_mode")
  public RoutingMode routingMode;

  /** Round-robin resumes after this operator, across instances. */
  @Column(name = "last_assigned_operator_id")
  public String lastAssignedOperatorId;
}

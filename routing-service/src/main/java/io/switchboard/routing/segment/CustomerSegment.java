package io.switchboard.routing.segment;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The segment (key-account, regular, new...) a customer belongs to. */
@Entity
@Table(name = "customer_segment")
public class CustomerSegment extends PanacheEntityBase {
  @Id
  @Column(name = "customer_id")
  public String customerId;

  public String segment;

  @Column(name = "updated_at")
  public Instant updatedAt;
}

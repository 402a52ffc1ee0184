package io.switchboard.notification.csat;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A customer's rating of one inquiry; one per inquiry. */
@Entity
@Table(name = "csat_rating")
public class CsatRating extends PanacheEntityBase {
  @Id
  @Column(name = "inquiry_id")
  public UUID inquiryId;

  public int score;

  public String comment;

  @Column(name = "received_at")
  public Instant receivedAt;
}

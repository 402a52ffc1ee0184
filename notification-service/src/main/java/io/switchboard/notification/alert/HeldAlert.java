package io.switchboard.notification.alert;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.switchboard.contracts.NotificationKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A non-urgent alert waiting for its recipient's working hours. */
@Entity
@Table(name = "held_alert")
public class HeldAlert extends PanacheEntityBase {
  @Id
  @Column(name = "notification_id")
  public String notificationId;

  @Column(name = "inquiry_id")
  public UUID inquiryId;

  @Column(name = "recipient_id")
  public String recipientId;

  @Enumerated(EnumType.STRING)
  public NotificationKind kind;

  public int level;

  public String subject;

  public String text;

  @Column(name = "held_at")
  public Instant heldAt;
}

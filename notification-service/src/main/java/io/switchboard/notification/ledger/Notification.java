package io.switchboard.notification.ledger;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.switchboard.contracts.Channel;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A message to a customer: written down before it is sent, marked once the server took it. */
@Entity
@Table(name = "notification")
public class Notification extends PanacheEntityBase {
  public enum Kind {
    ACKNOWLEDGEMENT
  }

  public enum Status {
    PENDING,
    SENT
  }

  /** Deterministic, so that every delivery of the same event finds the same row. */
  @Id public String id;

  @Column(name = "inquiry_id")
  public UUID inquiryId;

  @Enumerated(EnumType.STRING)
  public Kind kind;

  @Enumerated(EnumType.STRING)
  public Channel channel;

  /** Masked; the address itself lives only in the inquiry's event. */
  public String recipient;

  @Enumerated(EnumType.STRING)
  public Status status;

  @Column(name = "created_at")
  public Instant createdAt;

  @Column(name = "sent_at")
  public Instant sentAt;

  /** The acknowledgement of an inquiry, not yet sent. */
  public static Notification pendingAcknowledgement(
      String inquiryId, Channel channel, String maskedRecipient) {
    Notification notification = new Notification();
    notification.id = acknowledgementId(inquiryId);
    notification.inquiryId = UUID.fromString(inquiryId);
    notification.kind = Kind.ACKNOWLEDGEMENT;
    notification.channel = channel;
    notification.recipient = maskedRecipient;
    notification.status = Status.PENDING;
    notification.createdAt = Instant.now();
    return notification;
  }

  // Level 0: one acknowledgement per inquiry; reminders and escalations will take higher levels.
  public static String acknowledgementId(String inquiryId) {
    return inquiryId + ":ack:0";
  }
}

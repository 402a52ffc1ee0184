package io.switchboard.notification.ledger;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.switchboard.contracts.DeliveryMedium;
import io.switchboard.contracts.NotificationKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;

/** A message to a customer or operator: written down before it is sent, then SENT or FAILED. */
@Entity
@Table(name = "notification")
public class Notification extends PanacheEntityBase {

  public enum Status {
    PENDING,
    SENT,
    /** The last attempt failed; a replayed event tries again. */
    FAILED,
    /** Not sent on purpose: the customer was acknowledged moments ago for another inquiry. */
    SUPPRESSED
  }

  /** Deterministic, so that every delivery of the same event finds the same row. */
  @Id public String id;

  @Column(name = "inquiry_id")
  public UUID inquiryId;

  @Enumerated(EnumType.STRING)
  public NotificationKind kind;

  @Enumerated(EnumType.STRING)
  public DeliveryMedium medium;

  /** Masked; the ledger proves that we wrote, not to whom. */
  public String recipient;

  @Column(name = "recipient_key")
  public String recipientKey;

  @Enumerated(EnumType.STRING)
  public Status status;

  public String failure;

  @Column(name = "created_at")
  public Instant createdAt;

  @Column(name = "sent_at")
  public Instant sentAt;

  /** A notification not yet sent. */
  public static Notification pending(
      String inquiryId,
      NotificationKind kind,
      int level,
      DeliveryMedium medium,
      String maskedRecipient,
      String address) {
    Notification notification = new Notification();
    notification.id = id(inquiryId, kind, level);
    notification.inquiryId = UUID.fromString(inquiryId);
    notification.kind = kind;
    notification.medium = medium;
    notification.recipient = maskedRecipient;
    notification.recipientKey = recipientKey(address);
    notification.status = Status.PENDING;
    notification.createdAt = Instant.now();
    return notification;
  }

  /**
   * Inquiry, kind and level: the acknowledgement is {@code <inquiry>:ack:0}, and escalation levels
   * of one alert kind are told apart by their level.
   */
  public static String id(String inquiryId, NotificationKind kind, int level) {
    String kindPart =
        kind == NotificationKind.ACKNOWLEDGEMENT
            ? "ack"
            : kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    return inquiryId + ":" + kindPart + ":" + level;
  }

  static String recipientKey(String address) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(address.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

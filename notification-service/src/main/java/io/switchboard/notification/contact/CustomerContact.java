package io.switchboard.notification.contact;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.DeliveryMedium;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** How to reach an inquiry's customer after the acknowledgement, copied from InquiryReceived. */
@Entity
@Table(name = "customer_contact")
public class CustomerContact extends PanacheEntityBase {
  @Id
  @Column(name = "inquiry_id")
  public UUID inquiryId;

  public String ticket;

  /** Blank when the customer gave none. */
  public String name;

  public String language;

  @Enumerated(EnumType.STRING)
  public Channel channel;

  @Enumerated(EnumType.STRING)
  public DeliveryMedium medium;

  public String address;

  @Column(name = "thread_ref")
  public String threadRef;

  @Column(name = "created_at")
  public Instant createdAt;
}

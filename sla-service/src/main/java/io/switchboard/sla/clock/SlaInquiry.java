package io.switchboard.sla.clock;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.Priority;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** What the clocks need to know about an inquiry: the policy's criteria and whom to alert. */
@Entity
@Table(name = "sla_inquiry")
public class SlaInquiry extends PanacheEntityBase {
  @Id
  @Column(name = "inquiry_id")
  public UUID inquiryId;

  @Enumerated(EnumType.STRING)
  public Channel channel;

  @Enumerated(EnumType.STRING)
  public Priority priority;

  public String segment;

  @Column(name = "team_id")
  public String teamId;

  @Column(name = "assignee_id")
  public String assigneeId;
}

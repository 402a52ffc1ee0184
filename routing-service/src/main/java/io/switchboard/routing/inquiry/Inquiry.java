package io.switchboard.routing.inquiry;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.InquiryKind;
import io.switchboard.contracts.InquiryStatus;
import io.switchboard.contracts.Priority;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** An inquiry as routing sees it: who has it, how urgent it is and why, where it is. */
@Entity
public class Inquiry extends PanacheEntityBase {
  /** States in which the inquiry takes a slot of its operator's capacity. */
  public static final List<InquiryStatus> OPEN =
      List.of(
          InquiryStatus.ASSIGNED,
          InquiryStatus.ACCEPTED,
          InquiryStatus.WAITING_ON_CUSTOMER,
          InquiryStatus.REOPENED);

  @Id public UUID id;
  public String ticket;

  @Enumerated(EnumType.STRING)
  public Channel channel;

  @Enumerated(EnumType.STRING)
  public InquiryKind kind;

  public String language;

  /** Customer id, else e-mail, else phone: how a returning customer is recognized. */
  @Column(name = "customer_key")
  public String customerKey;

  public String segment;

  @Enumerated(EnumType.STRING)
  public Priority priority;

  /** Comma-separated names of the priority rules that matched, in rule order. */
  @Column(name = "matched_rules")
  public String matchedRules;

  /** The topic the team rules decided, or null: operators are filtered by it. */
  public String topic;

  /** The team rule that chose team and topic, or null when the default team was used. */
  @Column(name = "team_rule")
  public String teamRule;

  @Enumerated(EnumType.STRING)
  public InquiryStatus status;

  @Column(name = "team_id")
  public String teamId;

  @Column(name = "operator_id")
  public String operatorId;

  @Column(name = "received_at")
  public Instant receivedAt;

  @Column(name = "sla_due_at")
  public Instant slaDueAt;

  @Column(name = "assigned_at")
  public Instant assignedAt;

  @Column(name = "accepted_at")
  public Instant acceptedAt;

  /** Set while accepted: the answer timeout counts from here; null otherwise. */
  @Column(name = "awaiting_reply_since")
  public Instant awaitingReplySince;

  @Column(name = "forward_level")
  public int forwardLevel;

  /**
   * Machine-written (a bounce, an auto-reply, bulk mail): it stays NEW, visible and counted, and
   * takes no operator's slot until a person writes in its thread.
   */
  public boolean automatic;

  @jakarta.persistence.Version public long version;

  public List<String> matchedRuleList() {
    return matchedRules == null || matchedRules.isEmpty()
        ? List.of()
        : Arrays.asList(matchedRules.split(","));
  }
}

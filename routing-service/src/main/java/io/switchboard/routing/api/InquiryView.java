package io.switchboard.routing.api;

import io.switchboard.contracts.Channel;
import io.switchboard.contracts.InquiryStatus;
import io.switchboard.contracts.Priority;
import io.switchboard.routing.inquiry.Inquiry;
import java.time.Instant;
import java.util.List;

/**
 * An inquiry as the operator API shows it, with the priority rules that matched and the team rule
 * that chose its team and topic; {@code automatic} marks machine-written mail, kept unassigned.
 */
public record InquiryView(
    String id,
    String ticket,
    Channel channel,
    Priority priority,
    List<String> matchedRules,
    String segment,
    String topic,
    String teamRule,
    InquiryStatus status,
    String teamId,
    String operatorId,
    Instant receivedAt,
    Instant assignedAt,
    boolean automatic) {
  public static InquiryView of(Inquiry i) {
    return new InquiryView(
        i.id.toString(),
        i.ticket,
        i.channel,
        i.priority,
        i.matchedRuleList(),
        i.segment,
        i.topic,
        i.teamRule,
        i.status,
        i.teamId,
        i.operatorId,
        i.receivedAt,
        i.assignedAt,
        i.automatic);
  }
}

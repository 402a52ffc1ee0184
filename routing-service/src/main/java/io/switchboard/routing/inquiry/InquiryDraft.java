package io.switchboard.routing.inquiry;

import io.switchboard.contracts.InquiryReceived;
import io.switchboard.contracts.InquiryStatus;
import io.switchboard.routing.assignment.BatchAssignment.Outcome;
import io.switchboard.routing.assignment.Choice;
import io.switchboard.routing.priority.PriorityDecision;
import io.switchboard.routing.teamrule.TeamDecision;
import java.util.UUID;

/**
 * A new inquiry as routing decided it, before it is written.
 *
 * @param customerKey how the customer is recognized, or null
 * @param segment the customer's segment, or null
 * @param outcome its operator or its queue; null until decided, and for good when automatic
 */
record InquiryDraft(
    InquiryReceived received,
    UUID id,
    String customerKey,
    String segment,
    PriorityDecision priority,
    TeamDecision team,
    Outcome outcome) {

  InquiryDraft withOutcome(Outcome decided) {
    return new InquiryDraft(received, id, customerKey, segment, priority, team, decided);
  }

  InquiryStatus status() {
    if (outcome == null) {
      return InquiryStatus.NEW;
    }
    return outcome.choice().isPresent() ? InquiryStatus.ASSIGNED : InquiryStatus.QUEUED;
  }

  String operatorId() {
    return outcome == null ? null : outcome.choice().map(Choice::operatorId).orElse(null);
  }
}

package io.switchboard.routing.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.contracts.InquiryStatus;
import org.junit.jupiter.api.Test;

class ReasonsTest {

  @Test
  void anAutomaticAssignmentIsNamedByWhereTheInquiryCameFrom() {
    assertThat(AssignmentReason.of(false, InquiryStatus.NEW, false, "least loaded"))
        .isEqualTo(AssignmentReason.FIRST);
    assertThat(AssignmentReason.of(false, InquiryStatus.NEW, false, "returning customer"))
        .isEqualTo(AssignmentReason.RETURNING_CUSTOMER);
    assertThat(AssignmentReason.of(false, InquiryStatus.QUEUED, false, "least loaded"))
        .isEqualTo(AssignmentReason.QUEUE);
    assertThat(AssignmentReason.of(true, InquiryStatus.ASSIGNED, true, "least loaded"))
        .isEqualTo(AssignmentReason.REASSIGNED);
    assertThat(AssignmentReason.of(true, InquiryStatus.ACCEPTED, false, "least loaded"))
        .isEqualTo(AssignmentReason.TRANSFERRED);
  }

  @Test
  void aForwardIsNamedByItsCause() {
    assertThat(ReassignmentReason.ofForward("SLA escalation level 2 (FIRST_RESPONSE)"))
        .isEqualTo(ReassignmentReason.SLA_ESCALATION);
    assertThat(ReassignmentReason.ofForward("not accepted within PT5M"))
        .isEqualTo(ReassignmentReason.NOT_ACCEPTED);
    assertThat(ReassignmentReason.ofForward("not answered within PT15M"))
        .isEqualTo(ReassignmentReason.NOT_ANSWERED);
  }
}

package io.switchboard.notification.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ClockKind;
import io.switchboard.contracts.Customer;
import io.switchboard.contracts.EventIds;
import io.switchboard.contracts.InquiryAssigned;
import io.switchboard.contracts.InquiryKind;
import io.switchboard.contracts.InquiryReceived;
import io.switchboard.contracts.NotificationKind;
import io.switchboard.contracts.Priority;
import io.switchboard.contracts.ReplyAddress;
import io.switchboard.contracts.SlaEscalated;
import io.switchboard.contracts.SlaWarning;
import io.switchboard.notification.TestInquiries;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AlertRoutingTest {
  private static final ZoneId UTC = ZoneId.of("UTC");
  private static final Instant DUE = Instant.parse("2026-11-23T14:30:00Z");

  @Test
  void onlyUrgentAssignmentsInterruptOffHours() {
    assertThat(plan(assigned(Priority.P1)).urgent()).isTrue();
    assertThat(plan(assigned(Priority.P2)).urgent()).isTrue();
    AlertPlan routine = plan(assigned(Priority.P3));
    assertThat(routine.urgent()).isFalse();
    assertThat(routine.operatorId()).isEqualTo("op-7");
    assertThat(routine.kind()).isEqualTo(NotificationKind.ASSIGNMENT_ALERT);
    assertThat(routine.text()).contains("SB-1", "priority P3", "team billing", "Why: skills");
  }

  @Test
  void aMissedCallGoesToTheDutyOperatorWithTheCallersNumber() {
    InquiryReceived call =
        TestInquiries.from(
            Channel.PHONE,
            new Customer(null, "", null, "+79161234567"),
            "ru",
            new ReplyAddress(Channel.PHONE, "+79161234567", null),
            InquiryKind.MISSED_CALL);

    AlertPlan plan = AlertRouting.plan(call, "SB-1", UTC, Optional.of("duty-1")).orElseThrow();

    assertThat(plan.operatorId()).isEqualTo("duty-1");
    assertThat(plan.kind()).isEqualTo(NotificationKind.MISSED_CALL_ALERT);
    assertThat(plan.urgent()).isTrue();
    assertThat(plan.text()).contains("Missed call from +79161234567", "call back", "SB-1");
    assertThat(AlertRouting.plan(call, "SB-1", UTC, Optional.empty())).isEmpty();
  }

  @Test
  void slaWarningsGoToTheAssigneeWhenThereIsOne() {
    SlaWarning warning = warning("op-7");

    assertThat(AlertRouting.plan(warning, "SB-1", UTC, Optional.empty()).orElseThrow().text())
        .isEqualTo(
            "SLA warning for SB-1 (P1): first response due at 14:30 UTC, 23 Nov, 5 min left.");
    assertThat(AlertRouting.plan(warning(null), "SB-1", UTC, Optional.empty())).isEmpty();
  }

  @Test
  void fromLevelThreeEscalationsGoToTheSupervisor() {
    AlertPlan first = plan(escalated(1));
    AlertPlan third = plan(escalated(3));

    assertThat(first.toSupervisor()).isFalse();
    assertThat(first.level()).isEqualTo(1);
    assertThat(third.toSupervisor()).isTrue();
    assertThat(third.level()).isEqualTo(3);
    assertThat(third.text()).contains("Escalation level 3", "assignee op-7");
  }

  private static AlertPlan plan(io.switchboard.contracts.InquiryEvent event) {
    return AlertRouting.plan(event, "SB-1", UTC, Optional.empty()).orElseThrow();
  }

  private static InquiryAssigned assigned(Priority priority) {
    return new InquiryAssigned(
        EventIds.next(),
        "6f1c0000-0000-0000-0000-000000000001",
        DUE,
        1,
        "billing",
        "op-7",
        priority,
        "skills");
  }

  private static SlaWarning warning(String assignee) {
    return new SlaWarning(
        EventIds.next(),
        "6f1c0000-0000-0000-0000-000000000001",
        DUE,
        1,
        ClockKind.FIRST_RESPONSE,
        Channel.EMAIL,
        Priority.P1,
        DUE,
        300,
        assignee);
  }

  private static SlaEscalated escalated(int level) {
    return new SlaEscalated(
        EventIds.next(),
        "6f1c0000-0000-0000-0000-000000000001",
        DUE,
        1,
        ClockKind.FIRST_RESPONSE,
        Channel.EMAIL,
        Priority.P2,
        level,
        "op-7",
        "billing");
  }
}

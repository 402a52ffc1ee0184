package io.switchboard.routing.forwarding;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ClockKind;
import io.switchboard.contracts.EventIds;
import io.switchboard.contracts.InquiryAssigned;
import io.switchboard.contracts.InquiryForwarded;
import io.switchboard.contracts.InquiryReceived;
import io.switchboard.contracts.Priority;
import io.switchboard.contracts.SlaEscalated;
import io.switchboard.routing.support.RoutingTestBase;
import io.switchboard.testing.EventFixtures;
import io.switchboard.testing.SwitchboardTestResource;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Multi-level forwarding on the real broker and database, with a one-second chat timeout. */
@QuarkusTest
@TestProfile(ForwardingTest.ShortTimeouts.class)
@WithTestResource(SwitchboardTestResource.class)
class ForwardingTest extends RoutingTestBase {

  public static class ShortTimeouts implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "switchboard.routing.directory-file", "src/test/resources/forwarding-directory.yaml",
          "switchboard.routing.default-team", "fwd",
          "switchboard.routing.forwarding.accept-timeout.CHAT", "1s",
          "switchboard.routing.forwarding.check-interval", "1s");
    }
  }

  @Test
  void unacceptedChatMovesToTheNextOperatorsThenToTheSupervisor() {
    InquiryReceived received = EventFixtures.inquiryReceived().channel(Channel.CHAT).build();
    InquiryAssigned first = publishAndAwaitAssignment(received);
    assertThat(first.teamId()).isEqualTo("fwd");

    InquiryForwarded level1 = awaitForward(received, 1);
    assertThat(level1.fromOperatorId()).isEqualTo(first.operatorId());
    assertThat(level1.toOperatorId()).isNotEqualTo(first.operatorId()).startsWith("fwd-");
    assertThat(level1.toSupervisor()).isFalse();
    assertThat(level1.reason()).isEqualTo("NOT_ACCEPTED: not accepted within PT1S");

    InquiryForwarded level2 = awaitForward(received, 2);
    assertThat(level2.toOperatorId()).isEqualTo(first.operatorId());

    InquiryForwarded level3 = awaitForward(received, 3);
    assertThat(level3.toOperatorId()).isEqualTo("fwd-lead");
    assertThat(level3.toSupervisor()).isTrue();
  }

  @Test
  void slaEscalationReassignsAtLevelTwoAndReachesTheSupervisorAtLevelThree() {
    InquiryReceived received = EventFixtures.inquiryReceived().channel(Channel.EMAIL).build();
    InquiryAssigned first = publishAndAwaitAssignment(received);

    kafka.publish(escalation(received, 1));
    kafka.publish(escalation(received, 2));
    InquiryForwarded reassigned = awaitForward(received, 1);
    assertThat(reassigned.reason()).isEqualTo("SLA_ESCALATION: level 2 (FIRST_RESPONSE)");
    assertThat(reassigned.fromOperatorId()).isEqualTo(first.operatorId());
    assertThat(reassigned.toSupervisor()).isFalse();

    kafka.publish(escalation(received, 3));
    InquiryForwarded supervisor = awaitForward(received, 2);
    assertThat(supervisor.toOperatorId()).isEqualTo("fwd-lead");
    assertThat(supervisor.toSupervisor()).isTrue();
    assertThat(
            kafka.eventsSoFar(
                InquiryForwarded.class, e -> e.inquiryId().equals(received.inquiryId())))
        .hasSize(2);
  }

  private InquiryForwarded awaitForward(InquiryReceived received, int level) {
    return kafka.awaitEvent(
        InquiryForwarded.class,
        e -> e.inquiryId().equals(received.inquiryId()) && e.level() == level);
  }

  private static SlaEscalated escalation(InquiryReceived received, int level) {
    return new SlaEscalated(
        EventIds.next(),
        received.inquiryId(),
        Instant.now(),
        SlaEscalated.SCHEMA_VERSION,
        ClockKind.FIRST_RESPONSE,
        received.channel(),
        Priority.P3,
        level,
        null,
        "fwd");
  }
}

package io.switchboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.contracts.Channel;
import io.switchboard.contracts.InquiryAssigned;
import io.switchboard.contracts.InquiryQueued;
import io.switchboard.contracts.SlaBreached;
import io.switchboard.contracts.SlaEscalated;
import io.switchboard.devstack.SwitchboardService;
import io.switchboard.testing.EventFixtures;
import io.switchboard.testing.KafkaTestClient;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two routing-service and two sla-service processes share one broker and one database, and a burst
 * of inquiries arrives at once: no inquiry is assigned twice, no operator goes above capacity, and
 * every SLA timer fires exactly once.
 */
class TwoInstancesIT {
  private static final int INQUIRIES = 40;
  // The built-in directory: two always-present duty operators with room for ten each.
  private static final int CAPACITY = 10;
  private static final int OPERATORS = 2;

  private static RunningSystem system;

  @BeforeAll
  static void start() {
    system =
        new RunningSystem(
            List.of(
                SwitchboardService.ROUTING,
                SwitchboardService.ROUTING,
                SwitchboardService.SLA,
                SwitchboardService.SLA),
            Map.of(
                "sla.rules.fast-first.clock", "FIRST_RESPONSE",
                "sla.rules.fast-first.target", "3s",
                "sla.rules.next.clock", "NEXT_RESPONSE",
                "sla.rules.next.target", "1h",
                "sla.rules.resolution.clock", "RESOLUTION",
                "sla.rules.resolution.target", "8h",
                "sla.timers.warn-before", "1s",
                // Level 1 only: level 2 would make routing reassign, which this test does not
                // count.
                "sla.timers.escalate-after", "1s",
                "sla.timers.alert-calendar", "24/7"));
  }

  @AfterAll
  static void stop() {
    if (system != null) {
      system.close();
    }
  }

  @Test
  void aBurstIsAssignedOnceWithinCapacityAndEveryTimerFiresOnce() {
    KafkaTestClient kafka = system.kafka;
    List<String> inquiries =
        IntStream.range(0, INQUIRIES)
            .mapToObj(i -> EventFixtures.inquiryReceived().channel(Channel.WEB_FORM).build())
            .peek(kafka::publish)
            .map(e -> e.inquiryId())
            .toList();
    Set<String> ours = Set.copyOf(inquiries);

    Awaitility.await("every inquiry assigned or queued")
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> decided(kafka, ours).size() == INQUIRIES);
    List<InquiryAssigned> assigned =
        kafka.eventsSoFar(InquiryAssigned.class, e -> ours.contains(e.inquiryId()));
    assertThat(countBy(assigned, InquiryAssigned::inquiryId).values())
        .as("assignments per inquiry")
        .allMatch(n -> n == 1);
    assertThat(countBy(assigned, InquiryAssigned::operatorId).values())
        .as("inquiries per operator")
        .allMatch(n -> n <= CAPACITY);
    assertThat(assigned).hasSize(CAPACITY * OPERATORS);

    Awaitility.await("every first-response clock breached and escalated")
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                kafka.eventsSoFar(SlaEscalated.class, e -> ours.contains(e.inquiryId())).size()
                    >= INQUIRIES);
    assertThat(
            countBy(
                    kafka.eventsSoFar(SlaBreached.class, e -> ours.contains(e.inquiryId())),
                    SlaBreached::inquiryId)
                .values())
        .as("breaches per inquiry")
        .hasSize(INQUIRIES)
        .allMatch(n -> n == 1);
    assertThat(
            countBy(
                    kafka.eventsSoFar(SlaEscalated.class, e -> ours.contains(e.inquiryId())),
                    e -> e.inquiryId() + "/" + e.level())
                .values())
        .as("escalations per inquiry and level")
        .hasSize(INQUIRIES)
        .allMatch(n -> n == 1);
  }

  private static Set<String> decided(KafkaTestClient kafka, Set<String> ours) {
    Set<String> decided =
        kafka.eventsSoFar(InquiryAssigned.class, e -> ours.contains(e.inquiryId())).stream()
            .map(InquiryAssigned::inquiryId)
            .collect(Collectors.toSet());
    kafka.eventsSoFar(InquiryQueued.class, e -> ours.contains(e.inquiryId())).stream()
        .map(InquiryQueued::inquiryId)
        .forEach(decided::add);
    return decided;
  }

  private static <T> Map<String, Long> countBy(Collection<T> events, Function<T, String> key) {
    return events.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
  }
}

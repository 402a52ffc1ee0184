package io.switchboard.routing.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.contracts.Channel;
import io.switchboard.routing.directory.DirectorySpec.Skills;
import io.switchboard.routing.directory.RoutingMode;
import io.switchboard.routing.directory.Shift;
import io.switchboard.routing.directory.WeeklySchedule;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AssignmentPolicyTest {
  private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z"); // Monday noon UTC
  private static final Skills ANY = new Skills(Set.of(), Set.of(), Set.of());
  private static final AssignmentRequest CHAT =
      new AssignmentRequest(Channel.CHAT, "ru", null, null, Set.of());

  private static Candidate operator(String id, int chatCapacity, long openChats) {
    return new Candidate(
        id,
        ANY,
        Map.of(Channel.CHAT, chatCapacity, Channel.EMAIL, 10),
        Map.of(Channel.CHAT, openChats),
        WeeklySchedule.AROUND_THE_CLOCK,
        true);
  }

  private static Choice choose(
      AssignmentRequest request, RoutingMode mode, String last, Candidate... team) {
    return AssignmentPolicy.choose(request, List.of(team), mode, last, NOW).orElse(null);
  }

  @Test
  void leastLoadedPicksTheMostSpareCapacityOnTheInquirysChannel() {
    var busy = operator("a", 10, 8);
    var free = operator("b", 5, 1);
    assertThat(choose(CHAT, RoutingMode.LEAST_LOADED, null, busy, free).operatorId())
        .isEqualTo("b");
  }

  @Test
  void neverAssignsAboveCapacityOnTheChannel() {
    var fullOnChat = operator("a", 3, 3);
    assertThat(choose(CHAT, RoutingMode.LEAST_LOADED, null, fullOnChat)).isNull();
    // Full on chat does not stop an e-mail.
    var email = new AssignmentRequest(Channel.EMAIL, null, null, null, Set.of());
    assertThat(choose(email, RoutingMode.LEAST_LOADED, null, fullOnChat).operatorId())
        .isEqualTo("a");
  }

  @Test
  void breaksTiesByOperatorIdSoTheChoiceIsStable() {
    assertThat(
            choose(CHAT, RoutingMode.LEAST_LOADED, null, operator("b", 4, 2), operator("a", 4, 2))
                .operatorId())
        .isEqualTo("a");
  }

  @Test
  void roundRobinTakesTheNextOperatorAfterTheLastAndWrapsAround() {
    var a = operator("a", 3, 2);
    var b = operator("b", 9, 0);
    var c = operator("c", 3, 1);
    assertThat(choose(CHAT, RoutingMode.ROUND_ROBIN, "a", a, b, c).operatorId()).isEqualTo("b");
    assertThat(choose(CHAT, RoutingMode.ROUND_ROBIN, "b", a, b, c).operatorId()).isEqualTo("c");
    assertThat(choose(CHAT, RoutingMode.ROUND_ROBIN, "c", a, b, c).operatorId()).isEqualTo("a");
    // A full operator is skipped in the rotation.
    assertThat(choose(CHAT, RoutingMode.ROUND_ROBIN, "a", a, operator("b", 1, 1), c).operatorId())
        .isEqualTo("c");
  }

  @Test
  void absentOrOffShiftOperatorsNeverGetWork() {
    var absent =
        new Candidate(
            "a", ANY, Map.of(Channel.CHAT, 5), Map.of(), WeeklySchedule.AROUND_THE_CLOCK, false);
    var offShift =
        new Candidate(
            "b",
            ANY,
            Map.of(Channel.CHAT, 5),
            Map.of(),
            new WeeklySchedule(
                ZoneId.of("UTC"),
                List.of(
                    new Shift(
                        EnumSet.of(DayOfWeek.MONDAY), LocalTime.of(14, 0), LocalTime.of(18, 0))),
                Set.of(),
                false),
            true);
    assertThat(choose(CHAT, RoutingMode.LEAST_LOADED, null, absent, offShift)).isNull();
    assertThat(AssignmentPolicy.whyNobody(CHAT, List.of(absent, offShift), NOW))
        .isEqualTo("nobody present and on shift");
  }

  @Test
  void skillsFilterByLanguageAndChannel() {
    var englishOnly =
        new Candidate(
            "a",
            new Skills(Set.of("en"), Set.of(), Set.of()),
            Map.of(Channel.CHAT, 5),
            Map.of(),
            WeeklySchedule.AROUND_THE_CLOCK,
            true);
    var emailOnly =
        new Candidate(
            "b",
            new Skills(Set.of(), Set.of(), Set.of(Channel.EMAIL)),
            Map.of(Channel.CHAT, 5),
            Map.of(),
            WeeklySchedule.AROUND_THE_CLOCK,
            true);
    var russian =
        new Candidate(
            "c",
            new Skills(Set.of("ru", "en"), Set.of(), Set.of(Channel.CHAT)),
            Map.of(Channel.CHAT, 1),
            Map.of(),
            WeeklySchedule.AROUND_THE_CLOCK,
            true);
    assertThat(
            choose(CHAT, RoutingMode.LEAST_LOADED, null, englishOnly, emailOnly, russian)
                .operatorId())
        .isEqualTo("c");
    assertThat(AssignmentPolicy.whyNobody(CHAT, List.of(englishOnly, emailOnly), NOW))
        .isEqualTo("nobody with the skills");
  }

  @Test
  void returningCustomerGoesBackToTheirOperatorWhenEligible() {
    var returning = new AssignmentRequest(Channel.CHAT, null, null, "b", Set.of());
    var a = operator("a", 10, 0);
    var b = operator("b", 3, 2);
    Choice choice = choose(returning, RoutingMode.LEAST_LOADED, null, a, b);
    assertThat(choice.operatorId()).isEqualTo("b");
    assertThat(choice.reason()).isEqualTo("returning customer");
    // Full: the customer goes to someone else rather than wait.
    assertThat(
            choose(returning, RoutingMode.LEAST_LOADED, null, a, operator("b", 3, 3)).operatorId())
        .isEqualTo("a");
  }

  @Test
  void excludedOperatorsAreSkipped() {
    var declined = new AssignmentRequest(Channel.CHAT, null, null, null, Set.of("a"));
    assertThat(
            choose(
                    declined,
                    RoutingMode.LEAST_LOADED,
                    null,
                    operator("a", 10, 0),
                    operator("b", 2, 1))
                .operatorId())
        .isEqualTo("b");
  }

  @Test
  void theTopicKeepsOperatorsWithThatTopicOrWithNoTopicsListed() {
    var billing = new AssignmentRequest(Channel.CHAT, null, "billing", null, Set.of());
    var delivery = topics("delivery-only", Set.of("delivery"));
    var generalist = topics("generalist", Set.of());
    var billingExpert = topics("billing-expert", Set.of("billing", "delivery"));

    assertThat(choose(billing, RoutingMode.ROUND_ROBIN, null, delivery, billingExpert).operatorId())
        .isEqualTo("billing-expert");
    assertThat(choose(billing, RoutingMode.ROUND_ROBIN, null, delivery, generalist).operatorId())
        .isEqualTo("generalist");
    assertThat(choose(billing, RoutingMode.ROUND_ROBIN, null, delivery)).isNull();
    assertThat(AssignmentPolicy.whyNobody(billing, List.of(delivery), NOW))
        .isEqualTo("nobody with the skills");
    // No topic decided: any operator, whatever topics they list.
    assertThat(choose(CHAT, RoutingMode.ROUND_ROBIN, null, delivery).operatorId())
        .isEqualTo("delivery-only");
  }

  private static Candidate topics(String id, Set<String> topics) {
    return new Candidate(
        id,
        new Skills(Set.of(), topics, Set.of()),
        Map.of(Channel.CHAT, 5),
        Map.of(),
        WeeklySchedule.AROUND_THE_CLOCK,
        true);
  }
}

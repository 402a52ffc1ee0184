package io.switchboard.sla.policy;

import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ClockKind;
import io.switchboard.contracts.Priority;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The SLA targets of every clock: pure, no I/O. */
public final class SlaPolicy {
  /** The calendar the built-in targets of written channels count in. */
  public static final String OFFICE = "office";

  private static final Duration DAY = Duration.ofHours(24);

  private final List<PolicyRule> rules;

  /**
   * @throws IllegalArgumentException when two rules share a name, or a clock has no rule that
   *     matches every inquiry: each inquiry must get each clock
   */
  public SlaPolicy(List<PolicyRule> rules) {
    Set<String> names = new HashSet<>();
    for (PolicyRule rule : rules) {
      if (!names.add(rule.name())) {
        throw new IllegalArgumentException("two rules are named " + rule.name());
      }
    }
    for (ClockKind kind : ClockKind.values()) {
      if (rules.stream().noneMatch(r -> r.clock() == kind && r.specificity() == 0)) {
        throw new IllegalArgumentException(
            "no rule for " + kind + " without channels, priorities and segments");
      }
    }
    // Most specific first, then by name: the choice must not depend on the order of a file.
    this.rules =
        rules.stream()
            .sorted(
                Comparator.comparingInt(PolicyRule::specificity)
                    .reversed()
                    .thenComparing(PolicyRule::name))
            .toList();
  }

  /**
   * The domain's targets: a chat is answered within 2 minutes and a missed call called back within
   * 15, around the clock; written channels within 1 business hour and never later than 24 hours.
   */
  public static SlaPolicy defaults() {
    return new SlaPolicy(
        List.of(
            rule(
                "first-response-chat",
                ClockKind.FIRST_RESPONSE,
                Set.of(Channel.CHAT),
                Duration.ofMinutes(2),
                null,
                null),
            rule(
                "first-response-phone",
                ClockKind.FIRST_RESPONSE,
                Set.of(Channel.PHONE),
                Duration.ofMinutes(15),
                null,
                null),
            rule(
                "first-response",
                ClockKind.FIRST_RESPONSE,
                Set.of(),
                Duration.ofHours(1),
                OFFICE,
                DAY),
            rule(
                "next-response-chat",
                ClockKind.NEXT_RESPONSE,
                Set.of(Channel.CHAT),
                Duration.ofMinutes(2),
                null,
                null),
            rule(
                "next-response-phone",
                ClockKind.NEXT_RESPONSE,
                Set.of(Channel.PHONE),
                Duration.ofMinutes(15),
                null,
                null),
            rule(
                "next-response",
                ClockKind.NEXT_RESPONSE,
                Set.of(),
                Duration.ofHours(1),
                OFFICE,
                DAY),
            new PolicyRule(
                "resolution-p1",
                ClockKind.RESOLUTION,
                Set.of(),
                Set.of(Priority.P1),
                Set.of(),
                Duration.ofHours(4),
                null,
                null),
            rule(
                "resolution", ClockKind.RESOLUTION, Set.of(), Duration.ofHours(16), OFFICE, null)));
  }

  private static PolicyRule rule(
      String name,
      ClockKind kind,
      Set<Channel> channels,
      Duration target,
      String calendar,
      Duration cap) {
    return new PolicyRule(name, kind, channels, Set.of(), Set.of(), target, calendar, cap);
  }

  public List<PolicyRule> rules() {
    return rules;
  }

  /** The rule for a clock; priority and segment are null until routing decided them. */
  public PolicyRule select(ClockKind kind, Channel channel, Priority priority, String segment) {
    return rules.stream()
        .filter(r -> r.matches(kind, channel, priority, segment))
        .findFirst()
        .orElseThrow();
  }
}

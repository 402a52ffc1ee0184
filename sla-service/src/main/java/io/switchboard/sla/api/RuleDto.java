package io.switchboard.sla.api;

import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ClockKind;
import io.switchboard.contracts.Priority;
import io.switchboard.sla.policy.PolicyRule;
import java.time.Duration;
import java.util.Set;

/**
 * A policy rule as the API reads and writes it; durations in ISO-8601 ({@code PT2M}).
 *
 * @param calendar business calendar, or absent for calendar time
 * @param cap the most calendar time the target may take, or absent
 */
public record RuleDto(
    String name,
    ClockKind clock,
    Set<Channel> channels,
    Set<Priority> priorities,
    Set<String> segments,
    Duration target,
    String calendar,
    Duration cap) {

  static RuleDto of(PolicyRule rule) {
    return new RuleDto(
        rule.name(),
        rule.clock(),
        rule.channels(),
        rule.priorities(),
        rule.segments(),
        rule.target(),
        rule.calendar(),
        rule.cap());
  }

  PolicyRule toRule() {
    return new PolicyRule(name, clock, channels, priorities, segments, target, calendar, cap);
  }
}

package io.switchboard.sla.policy;

import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ClockKind;
import io.switchboard.contracts.Priority;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * One SLA target: for which clock, channels, priorities and customer segments (an empty set matches
 * any), how long, and counted how.
 *
 * @param calendar the business calendar the target is counted in, or null for calendar time
 * @param cap the most calendar time the target may take whatever the calendar says (the domain's
 *     "never later than 24 hours"), or null
 */
public record PolicyRule(
    String name,
    ClockKind clock,
    Set<Channel> channels,
    Set<Priority> priorities,
    Set<String> segments,
    Duration target,
    String calendar,
    Duration cap) {

  public PolicyRule {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a rule needs a name");
    }
    Objects.requireNonNull(clock, () -> "rule " + name + ": clock");
    channels = channels == null ? Set.of() : Set.copyOf(channels);
    priorities = priorities == null ? Set.of() : Set.copyOf(priorities);
    segments = segments == null ? Set.of() : Set.copyOf(segments);
    wholeSeconds(name, "target", target);
    if (cap != null) {
      wholeSeconds(name, "cap", cap);
    }
    if (calendar != null && calendar.isBlank()) {
      calendar = null;
    }
  }

  public boolean matches(ClockKind kind, Channel channel, Priority priority, String segment) {
    // Immutable sets throw on contains(null): an undecided priority or segment matches only rules
    // that do not ask for one.
    return clock == kind
        && (channels.isEmpty() || (channel != null && channels.contains(channel)))
        && (priorities.isEmpty() || (priority != null && priorities.contains(priority)))
        && (segments.isEmpty() || (segment != null && segments.contains(segment)));
  }

  /** How many of channel, priority and segment the rule names: the most specific rule wins. */
  public int specificity() {
    return (channels.isEmpty() ? 0 : 1)
        + (priorities.isEmpty() ? 0 : 1)
        + (segments.isEmpty() ? 0 : 1);
  }

  public boolean businessTime() {
    return calendar != null;
  }

  // ClockStarted carries the target in whole seconds, and it must agree with the due time.
  private static void wholeSeconds(String rule, String what, Duration value) {
    Objects.requireNonNull(value, () -> "rule " + rule + ": " + what);
    if (value.toSeconds() < 1 || value.getNano() != 0) {
      throw new IllegalArgumentException(
          "rule " + rule + ": " + what + " must be whole seconds, at least 1s: " + value);
    }
  }
}

package io.switchboard.routing.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.InquiryStatus;
import io.switchboard.contracts.Priority;
import io.switchboard.platform.consumer.AfterCommit;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;

/**
 * Counters and timers recorded where routing decides, once the decision committed ({@link
 * AfterCommit}: a retried batch does not count twice), named as in docs/metrics.md; gauges live in
 * {@link TeamGauges}.
 */
// Created at startup, not on first use: its constructor registers the zero-valued series.
@Startup
@ApplicationScoped
public class RoutingMetrics {
  private final MeterRegistry registry;

  public RoutingMetrics(MeterRegistry registry) {
    this.registry = registry;
    // Zero for every known combination, so that rates read 0 rather than "no data".
    for (Channel channel : Channel.values()) {
      for (Priority priority : Priority.values()) {
        prioritizedCounter(channel, priority);
      }
      automaticCounter(channel);
    }
    for (InquiryStatus status : InquiryStatus.values()) {
      statusCounter(status);
    }
  }

  /** A machine-written inquiry kept without an assignee. */
  public void automatic(Channel channel) {
    AfterCommit.run(() -> automaticCounter(channel).increment());
  }

  private Counter automaticCounter(Channel channel) {
    return registry.counter("switchboard.routing.inquiries.automatic", "channel", channel.name());
  }

  public void prioritized(Channel channel, Priority priority) {
    AfterCommit.run(() -> prioritizedCounter(channel, priority).increment());
  }

  /** An assignment; the first one of an inquiry also times inquiry received → assigned. */
  public void assigned(
      String teamId,
      AssignmentReason reason,
      Priority priority,
      Instant receivedAt,
      Instant assignedAt,
      boolean first) {
    AfterCommit.run(
        () -> {
          registry
              .counter("switchboard.routing.assignments", "team", teamId, "reason", reason.name())
              .increment();
          if (first) {
            Timer.builder("switchboard.routing.assignment.latency")
                .description("Time from inquiry received to first assignment")
                .tags("team", teamId, "priority", priority.name())
                .register(registry)
                .record(Duration.between(receivedAt, assignedAt).abs());
          }
        });
  }

  /** An inquiry moved away from an operator. */
  public void reassigned(String teamId, ReassignmentReason reason) {
    AfterCommit.run(
        () -> {
          registry
              .counter("switchboard.routing.reassignments", "team", teamId, "reason", reason.name())
              .increment();
        });
  }

  /** A lifecycle transition to {@code status}; a resolution also counts for its operator. */
  public void statusChanged(InquiryStatus status, String teamId, String operatorId) {
    AfterCommit.run(
        () -> {
          statusCounter(status).increment();
          if (status == InquiryStatus.RESOLVED && operatorId != null && teamId != null) {
            registry
                .counter(
                    "switchboard.routing.operator.resolved", "team", teamId, "operator", operatorId)
                .increment();
          }
        });
  }

  /** From the assignment to the operator's reply. */
  public void responded(String teamId, String operatorId, Instant assignedAt, Instant repliedAt) {
    AfterCommit.run(
        () -> {
          Timer.builder("switchboard.routing.operator.response")
              .description("Time from assignment to the operator's first reply")
              .tags("team", teamId, "operator", operatorId)
              .register(registry)
              .record(Duration.between(assignedAt, repliedAt).abs());
        });
  }

  private Counter prioritizedCounter(Channel channel, Priority priority) {
    return registry.counter(
        "switchboard.routing.inquiries.prioritized",
        "channel",
        channel.name(),
        "priority",
        priority.name());
  }

  private Counter statusCounter(InquiryStatus status) {
    return registry.counter("switchboard.routing.status.changes", "status", status.name());
  }
}

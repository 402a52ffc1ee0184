package io.switchboard.sla.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ClockKind;
import io.switchboard.contracts.Priority;
import io.switchboard.platform.consumer.AfterCommit;
import io.switchboard.platform.metrics.SwitchboardMeters;
import io.switchboard.sla.clock.ClockMoves;
import io.switchboard.sla.timer.TimerPlan;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Clocks started and stopped, counted time, timers fired and their lag, named as in
 * docs/metrics.md. The gauges of open clocks and pending timers live in {@link OpenClockMetrics}.
 */
// Created at startup, not on first use: its constructor registers the zero-valued series.
@Startup
@ApplicationScoped
public class SlaMetrics implements ClockMoves.Meter {
  private final MeterRegistry registry;
  private final Timer lag;

  public SlaMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.lag =
        Timer.builder("switchboard.sla.timer.lag")
            .description("Timer due time to firing time")
            .serviceLevelObjectives(SwitchboardMeters.LATENCY_BUCKETS)
            .register(registry);
    // Zero for every known combination, so that late share and met % read 0, not "no data".
    for (ClockKind clock : ClockKind.values()) {
      for (Channel channel : Channel.values()) {
        for (Priority priority : Priority.values()) {
          started(clock, channel, priority);
          stopped(clock, channel, priority, true);
          stopped(clock, channel, priority, false);
          for (TimerPlan.Kind kind : TimerPlan.Kind.values()) {
            fired(kind, clock, channel, priority);
          }
        }
      }
    }
  }

  @Override
  public void clockStarted(ClockKind clock, Channel channel, Priority priority) {
    AfterCommit.run(() -> started(clock, channel, priority).increment());
  }

  /** A clock stopped after {@code counted} business time, within its target or not. */
  @Override
  public void clockStopped(
      ClockKind clock, Channel channel, Priority priority, boolean met, Duration counted) {
    AfterCommit.run(
        () -> {
          stopped(clock, channel, priority, met).increment();
          Timer.builder("switchboard.sla.clock.elapsed")
              .description("Counted time of a clock when it stopped")
              .tag("clock", clock.name())
              .tag("channel", channel.name())
              .tag("priority", priority.name())
              .register(registry)
              .record(counted);
        });
  }

  public void timerFired(
      TimerPlan.Kind kind, ClockKind clock, Channel channel, Priority priority, Duration late) {
    AfterCommit.run(
        () -> {
          lag.record(late.isNegative() ? Duration.ZERO : late);
          fired(kind, clock, channel, priority).increment();
        });
  }

  private Counter started(ClockKind clock, Channel channel, Priority priority) {
    return Counter.builder("switchboard.sla.clocks.started")
        .description("SLA clocks started")
        .tag("clock", clock.name())
        .tag("channel", channel.name())
        .tag("priority", priority.name())
        .register(registry);
  }

  private Counter stopped(ClockKind clock, Channel channel, Priority priority, boolean met) {
    return Counter.builder("switchboard.sla.clocks.stopped")
        .description("Stopped clocks; met=false is answered late")
        .tag("clock", clock.name())
        .tag("channel", channel.name())
        .tag("priority", priority.name())
        .tag("met", Boolean.toString(met))
        .register(registry);
  }

  private Counter fired(TimerPlan.Kind kind, ClockKind clock, Channel channel, Priority priority) {
    return Counter.builder("switchboard.sla.timers.fired")
        .description("Warnings, breaches and escalations fired")
        .tag("kind", kind.name())
        .tag("clock", clock.name())
        .tag("channel", channel.name())
        .tag("priority", priority.name())
        .register(registry);
  }
}

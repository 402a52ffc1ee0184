package io.switchboard.devstack.sim;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/**
 * The simulated day's clock: simulated time runs {@code speed} times faster than real time from the
 * moment the day starts. Only the simulator's own timing follows it (arrivals, operators,
 * customers); the system sees real time, with SLA targets divided by the same factor.
 */
final class SimClock {
  private static final DateTimeFormatter SHOWN =
      DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ENGLISH);

  private final LocalDateTime simStart;
  private final double speed;
  private volatile Instant realStart;

  /** A day starting at {@code time} on the week's {@code day} (the date only names the weekday). */
  SimClock(DayOfWeek day, LocalTime time, double speed) {
    LocalDate monday = LocalDate.of(2026, 11, 23); // a Monday: dates in reports read naturally
    this.simStart = monday.with(TemporalAdjusters.nextOrSame(day)).atTime(time);
    this.speed = speed;
  }

  /** The simulated day begins now. */
  void start(Instant now) {
    realStart = now;
  }

  Instant realStart() {
    return realStart;
  }

  LocalDateTime simStart() {
    return simStart;
  }

  double speed() {
    return speed;
  }

  /** The simulated moment of a real instant. */
  LocalDateTime simAt(Instant real) {
    long realNanos = Duration.between(realStart, real).toNanos();
    return simStart.plusNanos((long) (realNanos * speed));
  }

  /** The real instant of a simulated moment. */
  Instant realAt(LocalDateTime sim) {
    long simNanos = Duration.between(simStart, sim).toNanos();
    return realStart.plusNanos((long) (simNanos / speed));
  }

  /** Real time for a simulated duration. */
  Duration real(Duration simulated) {
    return Duration.ofNanos((long) (simulated.toNanos() / speed));
  }

  /** Simulated time for a real duration. */
  Duration simulated(Duration real) {
    return Duration.ofNanos((long) (real.toNanos() * speed));
  }

  static String show(LocalDateTime sim) {
    return SHOWN.format(sim);
  }
}

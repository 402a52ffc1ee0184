package io.switchboard.sla.policy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ClockKind;
import io.switchboard.contracts.Priority;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SLA settings. Durations are written {@code 90s}, {@code 2m}, {@code 1h} or in ISO-8601 ({@code
 * PT2M}); targets must be whole seconds.
 */
@ConfigMapping(prefix = "sla")
public interface SlaConfig {

  /**
   * {@code sla.rules.<name>.*}: the SLA targets. When any is set they replace the built-in ones
   * (see {@link SlaPolicy#defaults()}), and each clock needs a rule without criteria.
   */
  Map<String, Rule> rules();

  /**
   * {@code sla.calendars.<name>.*}: business calendars. {@code office} (Monday to Friday
   * 09:00–18:00 Moscow time) and {@code 24/7} exist unless redefined.
   */
  Map<String, Calendar> calendars();

  Timers timers();

  /**
   * {@code sla.time-zone}: the team's home zone. Targets counted in calendar time (the built-in
   * {@code 24/7} calendar) tell their due times in it; a business calendar tells them in its own.
   */
  @WithDefault("Europe/Moscow")
  ZoneId timeZone();

  interface Rule {
    ClockKind clock();

    /** Any channel when absent. */
    Optional<List<Channel>> channels();

    /** Any priority when absent. */
    Optional<List<Priority>> priorities();

    /** Any customer segment when absent. */
    Optional<List<String>> segments();

    Duration target();

    /** Counted in calendar time when absent. */
    Optional<String> calendar();

    Optional<Duration> cap();
  }

  interface Calendar {
    /** e.g. {@code Europe/Berlin}. */
    String zone();

    /** e.g. {@code MON-FRI 09:00-13:00,14:00-18:00; SAT 22:00-06:00}, or {@code 24/7}. */
    String week();

    /** ISO dates, e.g. {@code 2027-01-01}. */
    Optional<List<String>> holidays();
  }

  interface Timers {
    /** {@code sla.timers.poll-interval}: how often due timers are looked for. */
    @WithDefault("0.2s")
    Duration pollInterval();

    /** {@code sla.timers.batch-size}: timers fired per transaction. */
    @WithDefault("500")
    int batchSize();

    /** {@code sla.timers.warn-before}: SlaWarning this long before a due time, when still ahead. */
    @WithDefault("10m,1m")
    List<Duration> warnBefore();

    /**
     * {@code sla.timers.escalate-after}: escalation level 1, 2, 3… this long after a breach (1
     * notifies the assignee, 2 reassigns, 3 tells the supervisor).
     */
    @WithDefault("5m,15m,30m")
    List<Duration> escalateAfter();

    /**
     * {@code sla.timers.urgent-priorities}: escalations of these priorities go out at once; the
     * others wait for the business hours of {@code alert-calendar}.
     */
    @WithDefault("P1,P2")
    List<Priority> urgentPriorities();

    /** {@code sla.timers.alert-calendar}: the business hours of the people escalations reach. */
    @WithDefault("office")
    String alertCalendar();
  }
}

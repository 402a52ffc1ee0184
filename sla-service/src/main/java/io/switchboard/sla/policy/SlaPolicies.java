package io.switchboard.sla.policy;

import io.quarkus.runtime.Startup;
import io.switchboard.sla.calendar.BusinessCalendar;
import io.switchboard.sla.calendar.Calendars;
import io.switchboard.sla.timer.TimerSchedule;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds the calendars, the policy and the timer schedule from configuration. */
public class SlaPolicies {

  // At startup, so that a setting the policy rejects stops the service instead of sending every
  // inquiry to the dead letters.
  @Produces
  @Singleton
  @Startup
  Calendars calendars(SlaConfig config) {
    Map<String, BusinessCalendar> configured = new LinkedHashMap<>();
    config
        .calendars()
        .forEach(
            (name, c) ->
                configured.put(
                    name,
                    Calendars.parse(name, c.zone(), c.week(), c.holidays().orElse(List.of()))));
    return Calendars.withDefaults(configured, config.timeZone());
  }

  @Produces
  @Singleton
  @Startup
  PolicyStore policy(SlaConfig config, Calendars calendars) {
    return new PolicyStore(fromConfig(config), calendars);
  }

  @Produces
  @Singleton
  @Startup
  TimerSchedule timerSchedule(SlaConfig config, Calendars calendars) {
    SlaConfig.Timers timers = config.timers();
    return new TimerSchedule(
        List.copyOf(timers.warnBefore()),
        List.copyOf(timers.escalateAfter()),
        Set.copyOf(timers.urgentPriorities()),
        calendars.get(timers.alertCalendar()));
  }

  static SlaPolicy fromConfig(SlaConfig config) {
    if (config.rules().isEmpty()) {
      return SlaPolicy.defaults();
    }
    List<PolicyRule> rules =
        config.rules().entrySet().stream()
            .map(
                e -> {
                  SlaConfig.Rule r = e.getValue();
                  return new PolicyRule(
                      e.getKey(),
                      r.clock(),
                      new HashSet<>(r.channels().orElse(List.of())),
                      new HashSet<>(r.priorities().orElse(List.of())),
                      new HashSet<>(r.segments().orElse(List.of())),
                      r.target(),
                      r.calendar().orElse(null),
                      r.cap().orElse(null));
                })
            .toList();
    return new SlaPolicy(rules);
  }
}

package io.switchboard.sla.policy;

import io.switchboard.sla.calendar.Calendars;
import java.util.concurrent.atomic.AtomicReference;

/** The policy in force: from the configuration until one is set through the API. */
public class PolicyStore {
  private record Versioned(SlaPolicy policy, long version) {}

  private final AtomicReference<Versioned> current;
  private final Calendars calendars;

  public PolicyStore(SlaPolicy initial, Calendars calendars) {
    this.calendars = calendars;
    checkCalendars(initial);
    this.current = new AtomicReference<>(new Versioned(initial, 0));
  }

  public SlaPolicy current() {
    return current.get().policy();
  }

  /** 0 for the configured policy, then the version of the stored one. */
  public long version() {
    return current.get().version();
  }

  /**
   * @throws IllegalArgumentException when a rule names a calendar that does not exist
   */
  public void check(SlaPolicy policy) {
    checkCalendars(policy);
  }

  /** Takes a stored policy unless a newer one is already in force. */
  public void replace(SlaPolicy policy, long version) {
    checkCalendars(policy);
    current.accumulateAndGet(
        new Versioned(policy, version),
        (old, fresh) -> fresh.version() > old.version() ? fresh : old);
  }

  private void checkCalendars(SlaPolicy policy) {
    policy.rules().stream()
        .filter(PolicyRule::businessTime)
        .forEach(rule -> calendars.get(rule.calendar()));
  }
}

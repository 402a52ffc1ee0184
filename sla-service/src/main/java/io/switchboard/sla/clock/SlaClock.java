package io.switchboard.sla.clock;

import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ClockKind;
import java.time.Instant;
import java.util.UUID;

/** An SLA clock of one inquiry (a row of {@code sla_clock}): when it started and when it is due. */
public final class SlaClock {
  public enum Status {
    RUNNING,
    PAUSED,
    STOPPED
  }

  public UUID id;
  public UUID inquiryId;
  public ClockKind kind;
  public Channel channel;
  public Instant startedAt;
  public Instant dueAt;
  public long targetSeconds;
  public Status status;

  /** The policy rule the target came from. */
  public String rule;

  /** Business calendar of the target, null for calendar time. */
  public String calendar;

  /** The most calendar time the target may take, or null. */
  public Long capSeconds;

  /** Start of the current stretch: the clock runs in stretches between pauses. */
  public Instant runStartedAt;

  /** Business time the stretches before {@link #runStartedAt} used up. */
  public long countedSeconds;

  /** Calendar time the stretches before {@link #runStartedAt} used up. */
  public long wallSeconds;

  public Instant pausedAt;
  public Instant stoppedAt;
  public Boolean met;
}

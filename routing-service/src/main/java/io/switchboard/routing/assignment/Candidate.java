package io.switchboard.routing.assignment;

import io.switchboard.contracts.Channel;
import io.switchboard.routing.directory.DirectorySpec.Skills;
import io.switchboard.routing.directory.WeeklySchedule;
import java.util.EnumMap;
import java.util.Map;

/**
 * An operator of the team as the choice sees them.
 *
 * @param capacity how many inquiries per channel the operator holds at once
 * @param open how many open inquiries per channel they hold now
 * @param present online and not idle, or a duty operator that is always present
 */
public record Candidate(
    String operatorId,
    Skills skills,
    Map<Channel, Integer> capacity,
    Map<Channel, Long> open,
    WeeklySchedule schedule,
    boolean present) {

  public long spare(Channel channel) {
    return capacity.getOrDefault(channel, 0) - open.getOrDefault(channel, 0L);
  }

  /** The same operator holding one more inquiry on {@code channel}. */
  public Candidate withOneMore(Channel channel) {
    Map<Channel, Long> more = new EnumMap<>(Channel.class);
    more.putAll(open);
    more.merge(channel, 1L, Long::sum);
    return new Candidate(operatorId, skills, capacity, more, schedule, present);
  }

  public long totalOpen() {
    return open.values().stream().mapToLong(Long::longValue).sum();
  }
}

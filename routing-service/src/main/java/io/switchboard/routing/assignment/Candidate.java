package io.switchboard.routing.assignment;

import io.switchboard.contracts.Channel;
import io.switchboard.routing.directory.DirectorySpec.Skills;
import io.switchboard.routing.directory.WeeklySchedule;
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

  public long totalOpen() {
    return open.values().stream().mapToLong(Long::longValue).sum();
  }
}

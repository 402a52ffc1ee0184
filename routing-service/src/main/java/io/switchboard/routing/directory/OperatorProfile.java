package io.switchboard.routing.directory;

import io.switchboard.contracts.Channel;
import io.switchboard.routing.directory.DirectorySpec.OperatorSpec;
import io.switchboard.routing.directory.DirectorySpec.Skills;
import java.util.Map;

/**
 * What routing needs from an operator's profile, parsed once per profile version.
 *
 * @param capacity how many inquiries per channel the operator holds at once
 */
public record OperatorProfile(
    Skills skills, Map<Channel, Integer> capacity, WeeklySchedule schedule) {
  public OperatorProfile {
    capacity = Map.copyOf(capacity);
  }

  public static OperatorProfile of(OperatorSpec spec) {
    return new OperatorProfile(spec.skills(), spec.capacityPerChannel(), spec.weeklySchedule());
  }
}

package io.switchboard.routing.assignment;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Who gets the next inquiry: pure, no I/O. */
public final class AssignmentPolicy {
  private static final Comparator<OperatorLoad> MOST_SPARE_FIRST =
      Comparator.comparingLong(OperatorLoad::spare)
          .reversed()
          .thenComparing(OperatorLoad::operatorId);

  private AssignmentPolicy() {}

  /** The operator with the most spare capacity; nobody when everyone is full. */
  public static Optional<OperatorLoad> leastLoaded(List<OperatorLoad> candidates) {
    return candidates.stream().filter(o -> o.spare() > 0).min(MOST_SPARE_FIRST);
  }
}

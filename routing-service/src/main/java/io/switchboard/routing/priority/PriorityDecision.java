package io.switchboard.routing.priority;

import io.switchboard.contracts.Priority;
import java.util.List;

/**
 * The priority and the names of every rule that matched, in rule order, so that anyone can see why.
 */
public record PriorityDecision(Priority priority, List<String> matchedRules) {
  public PriorityDecision {
    matchedRules = List.copyOf(matchedRules);
  }
}

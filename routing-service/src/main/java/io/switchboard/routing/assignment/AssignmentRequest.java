package io.switchboard.routing.assignment;

import io.switchboard.contracts.Channel;
import java.util.Set;

/**
 * What the inquiry needs.
 *
 * @param language ISO 639-1, or null when unknown (then any operator speaks it)
 * @param previousOperatorId who handled this customer last, or null
 * @param excluded operators who must not get it (declined, or forwarded away from)
 */
public record AssignmentRequest(
    Channel channel, String language, String previousOperatorId, Set<String> excluded) {
  public AssignmentRequest {
    excluded = Set.copyOf(excluded);
  }
}

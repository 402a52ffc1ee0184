package io.switchboard.routing.assignment;

import io.switchboard.contracts.Channel;
import java.util.Set;

/**
 * What the inquiry needs.
 *
 * @param language ISO 639-1, or null when unknown (then any operator speaks it)
 * @param topic decided by the team rules, or null (then any operator takes it); an operator who
 *     lists no topics takes every topic
 * @param previousOperatorId who handled this customer last, or null
 * @param excluded operators who must not get it (declined, or forwarded away from)
 */
public record AssignmentRequest(
    Channel channel,
    String language,
    String topic,
    String previousOperatorId,
    Set<String> excluded) {
  public AssignmentRequest {
    excluded = Set.copyOf(excluded);
  }
}

package io.switchboard.routing.assignment;

import io.switchboard.contracts.Channel;
import io.switchboard.contracts.Priority;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Decides a batch of inquiries against their teams' boards in memory. The most urgent go first (in
 * arrival order within a priority), so that the last free slot of a burst goes to a P1 rather than
 * to a routine question that came a moment earlier; each choice is counted before the next. A
 * returning customer's latest operator is preferred when eligible, including one chosen earlier in
 * the same batch. Pure, no I/O.
 */
public final class BatchAssignment {
  private BatchAssignment() {}

  /**
   * An inquiry that needs an operator of its team.
   *
   * @param customerKey how a returning customer is recognized, or null
   */
  public record Need(
      UUID inquiryId,
      String teamId,
      Priority priority,
      String customerKey,
      Channel channel,
      String language,
      String topic) {}

  /**
   * Where a need ended up.
   *
   * @param choice the operator, or empty when it waits in the queue
   * @param whyNobody when queued: why nobody could take it; null otherwise
   */
  public record Outcome(Need need, Optional<Choice> choice, String whyNobody) {}

  /**
   * @param boards the teams of every need, read under the teams' locks
   * @param previousOperators customer key to the operator who last handled that customer
   * @return one outcome per need, in the order of {@code needs}
   */
  public static List<Outcome> decide(
      List<Need> needs,
      Map<String, TeamBoard> boards,
      Map<String, String> previousOperators,
      Instant now) {
    Map<String, String> previous = new HashMap<>(previousOperators);
    Map<UUID, Outcome> outcomes = new HashMap<>();
    List<Need> urgentFirst =
        needs.stream().sorted(Comparator.comparing(Need::priority)).toList(); // stable
    for (Need need : urgentFirst) {
      TeamBoard board = boards.get(need.teamId());
      if (board == null) {
        throw new IllegalStateException("No board for team " + need.teamId());
      }
      AssignmentRequest request =
          new AssignmentRequest(
              need.channel(),
              need.language(),
              need.topic(),
              need.customerKey() == null ? null : previous.get(need.customerKey()),
              Set.of());
      Optional<Choice> choice = board.take(request, now);
      if (choice.isPresent() && need.customerKey() != null) {
        previous.put(need.customerKey(), choice.get().operatorId());
      }
      outcomes.put(
          need.inquiryId(),
          new Outcome(need, choice, choice.isPresent() ? null : board.whyNobody(request, now)));
    }
    return needs.stream().map(n -> outcomes.get(n.inquiryId())).toList();
  }
}

package io.switchboard.routing.assignment;

import io.switchboard.routing.directory.RoutingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One team as a routing step sees it while it holds the team's lock: its operators with their open
 * work, its routing mode and round-robin cursor. Every choice is counted before the next, so a
 * whole batch can be decided in memory against the team's capacity. Pure, no I/O; confined to the
 * transaction that read it.
 */
public final class TeamBoard {
  private final String teamId;
  private final RoutingMode mode;
  private final List<Candidate> candidates;
  private String cursor;
  private boolean cursorMoved;

  /**
   * @param cursor the operator round robin resumes after, or null
   */
  public TeamBoard(String teamId, RoutingMode mode, String cursor, List<Candidate> candidates) {
    this.teamId = teamId;
    this.mode = mode == null ? RoutingMode.LEAST_LOADED : mode;
    this.cursor = cursor;
    this.candidates = new ArrayList<>(candidates);
  }

  public String teamId() {
    return teamId;
  }

  /** The policy's choice for the request, already counted as one more open inquiry. */
  public Optional<Choice> take(AssignmentRequest request, Instant now) {
    Optional<Choice> choice = AssignmentPolicy.choose(request, candidates, mode, cursor, now);
    choice.ifPresent(c -> count(c.operatorId(), request));
    return choice;
  }

  /** Why nobody can take the request now, for the queued event. */
  public String whyNobody(AssignmentRequest request, Instant now) {
    return AssignmentPolicy.whyNobody(request, candidates, now);
  }

  /** The operators with their open work, this round's choices included. */
  public List<Candidate> candidates() {
    return List.copyOf(candidates);
  }

  /** The operator chosen last, where round robin resumes. */
  public String cursor() {
    return cursor;
  }

  /**
   * Whether the team's stored cursor is to be written: a choice moved it, and the team routes round
   * robin (the only mode that reads it; a team switched to it later starts from an older cursor,
   * which is as fair).
   */
  public boolean storesCursor() {
    return cursorMoved && mode == RoutingMode.ROUND_ROBIN;
  }

  private void count(String operatorId, AssignmentRequest request) {
    for (int i = 0; i < candidates.size(); i++) {
      if (candidates.get(i).operatorId().equals(operatorId)) {
        candidates.set(i, candidates.get(i).withOneMore(request.channel()));
      }
    }
    cursor = operatorId;
    cursorMoved = true;
  }
}

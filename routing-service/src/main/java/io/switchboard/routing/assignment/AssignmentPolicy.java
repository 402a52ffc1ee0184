package io.switchboard.routing.assignment;

import io.switchboard.routing.directory.RoutingMode;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Who gets the next inquiry: pure, no I/O. */
public final class AssignmentPolicy {

  private AssignmentPolicy() {}

  /**
   * Only operators who are present, on shift, skilled for the inquiry and below capacity on its
   * channel are eligible. A returning customer's previous operator wins when eligible; otherwise
   * the team's routing mode decides. Nobody eligible: empty, and the inquiry waits in the queue.
   *
   * @param lastAssigned the team's round-robin cursor, or null
   */
  public static Optional<Choice> choose(
      AssignmentRequest request,
      List<Candidate> team,
      RoutingMode mode,
      String lastAssigned,
      Instant now) {
    List<Candidate> eligible =
        team.stream()
            .filter(c -> eligible(request, c, now))
            .sorted(Comparator.comparing(Candidate::operatorId))
            .toList();
    if (eligible.isEmpty()) {
      return Optional.empty();
    }
    Optional<Candidate> previous =
        eligible.stream()
            .filter(c -> c.operatorId().equals(request.previousOperatorId()))
            .findFirst();
    if (previous.isPresent()) {
      return Optional.of(new Choice(previous.get().operatorId(), "returning customer"));
    }
    return Optional.of(
        mode == RoutingMode.ROUND_ROBIN
            ? roundRobin(eligible, lastAssigned)
            : leastLoaded(eligible, request));
  }

  /** Why nobody could take it, for the queued event. */
  public static String whyNobody(AssignmentRequest request, List<Candidate> team, Instant now) {
    if (team.stream().noneMatch(c -> c.present() && c.schedule().isOnShift(now))) {
      return "nobody present and on shift";
    }
    if (team.stream().noneMatch(c -> skilled(request, c))) {
      return "nobody with the skills";
    }
    return "everyone eligible is at capacity on " + request.channel();
  }

  static boolean eligible(AssignmentRequest request, Candidate candidate, Instant now) {
    return candidate.present()
        && !request.excluded().contains(candidate.operatorId())
        && candidate.spare(request.channel()) > 0
        && skilled(request, candidate)
        && candidate.schedule().isOnShift(now);
  }

  private static boolean skilled(AssignmentRequest request, Candidate candidate) {
    var skills = candidate.skills();
    return (skills.channels().isEmpty() || skills.channels().contains(request.channel()))
        && (request.language() == null
            || skills.languages().isEmpty()
            || skills.languages().contains(request.language()))
        && (request.topic() == null
            || skills.topics().isEmpty()
            || skills.topics().contains(request.topic()));
  }

  private static Choice roundRobin(List<Candidate> eligible, String lastAssigned) {
    Candidate next =
        eligible.stream()
            .filter(c -> lastAssigned == null || c.operatorId().compareTo(lastAssigned) > 0)
            .findFirst()
            .orElse(eligible.getFirst());
    return new Choice(next.operatorId(), "round robin");
  }

  private static Choice leastLoaded(List<Candidate> eligible, AssignmentRequest request) {
    Candidate best =
        eligible.stream()
            .min(
                Comparator.comparingLong((Candidate c) -> c.spare(request.channel()))
                    .reversed()
                    .thenComparing(Candidate::operatorId))
            .orElseThrow();
    return new Choice(
        best.operatorId(),
        "least loaded: "
            + best.spare(request.channel())
            + " of "
            + best.capacity().get(request.channel())
            + " free on "
            + request.channel());
  }
}

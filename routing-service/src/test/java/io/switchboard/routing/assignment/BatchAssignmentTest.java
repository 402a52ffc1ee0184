package io.switchboard.routing.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.contracts.Channel;
import io.switchboard.contracts.Priority;
import io.switchboard.routing.assignment.BatchAssignment.Need;
import io.switchboard.routing.assignment.BatchAssignment.Outcome;
import io.switchboard.routing.directory.DirectorySpec.Skills;
import io.switchboard.routing.directory.RoutingMode;
import io.switchboard.routing.directory.WeeklySchedule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A batch decided in memory against its teams' capacity, as the hot path and the drain do. */
class BatchAssignmentTest {
  private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
  private static final Skills ANY = new Skills(Set.of(), Set.of(), Set.of());

  private static Candidate operator(String id, int chatCapacity, long openChats) {
    return new Candidate(
        id,
        ANY,
        Map.of(Channel.CHAT, chatCapacity, Channel.EMAIL, 10),
        Map.of(Channel.CHAT, openChats),
        WeeklySchedule.AROUND_THE_CLOCK,
        true);
  }

  private static TeamBoard board(String team, RoutingMode mode, Candidate... operators) {
    return new TeamBoard(team, mode, null, List.of(operators));
  }

  private static Need chat(String team, Priority priority, String customer) {
    return new Need(UUID.randomUUID(), team, priority, customer, Channel.CHAT, "ru", null);
  }

  private static List<String> operators(List<Outcome> outcomes) {
    return outcomes.stream().map(o -> o.choice().map(Choice::operatorId).orElse("queued")).toList();
  }

  @Test
  void everyChoiceCountsBeforeTheNextSoNobodyGoesAboveCapacity() {
    TeamBoard team = board("t", RoutingMode.LEAST_LOADED, operator("a", 3, 1), operator("b", 2, 0));
    List<Need> burst = IntStream.range(0, 6).mapToObj(i -> chat("t", Priority.P3, null)).toList();

    List<Outcome> outcomes = BatchAssignment.decide(burst, Map.of("t", team), Map.of(), NOW);

    Map<String, Long> perOperator =
        operators(outcomes).stream().collect(Collectors.groupingBy(o -> o, Collectors.counting()));
    // a had 1 of 3, b 0 of 2: four free slots for six chats.
    assertThat(perOperator)
        .containsEntry("a", 2L)
        .containsEntry("b", 2L)
        .containsEntry("queued", 2L);
    assertThat(outcomes.get(5).whyNobody()).isEqualTo("everyone eligible is at capacity on CHAT");
    assertThat(team.candidates()).allSatisfy(c -> assertThat(c.spare(Channel.CHAT)).isZero());
  }

  @Test
  void leastLoadedSpreadsABatchAsOneByOneChoicesWould() {
    TeamBoard team = board("t", RoutingMode.LEAST_LOADED, operator("a", 4, 0), operator("b", 4, 2));
    List<Need> burst = IntStream.range(0, 4).mapToObj(i -> chat("t", Priority.P3, null)).toList();

    List<Outcome> outcomes = BatchAssignment.decide(burst, Map.of("t", team), Map.of(), NOW);

    // a has 4 free, b 2: a, a (3 vs 2 → a), then a=2,b=2 → a by id, then b.
    assertThat(operators(outcomes)).containsExactly("a", "a", "a", "b");
    assertThat(outcomes.getFirst().choice().orElseThrow().reason())
        .isEqualTo("least loaded: 4 of 4 free on CHAT");
    assertThat(team.storesCursor()).as("least loaded never reads the cursor").isFalse();
  }

  @Test
  void roundRobinMovesTheCursorWithEveryChoice() {
    TeamBoard team =
        new TeamBoard(
            "t",
            RoutingMode.ROUND_ROBIN,
            "b",
            List.of(operator("a", 5, 0), operator("b", 5, 0), operator("c", 5, 0)));
    List<Need> burst = IntStream.range(0, 4).mapToObj(i -> chat("t", Priority.P3, null)).toList();

    List<Outcome> outcomes = BatchAssignment.decide(burst, Map.of("t", team), Map.of(), NOW);

    assertThat(operators(outcomes)).containsExactly("c", "a", "b", "c");
    assertThat(team.cursor()).isEqualTo("c");
    assertThat(team.storesCursor()).isTrue();
  }

  @Test
  void theLastFreeSlotGoesToTheMostUrgentAndOutcomesKeepTheBatchOrder() {
    TeamBoard team = board("t", RoutingMode.LEAST_LOADED, operator("a", 1, 0));
    Need routine = chat("t", Priority.P3, null);
    Need urgent = chat("t", Priority.P1, null);

    List<Outcome> outcomes =
        BatchAssignment.decide(List.of(routine, urgent), Map.of("t", team), Map.of(), NOW);

    assertThat(outcomes)
        .extracting(o -> o.need().inquiryId())
        .containsExactly(routine.inquiryId(), urgent.inquiryId());
    assertThat(operators(outcomes)).containsExactly("queued", "a");
  }

  @Test
  void aReturningCustomerGetsTheirOperatorAlsoWhenChosenEarlierInTheBatch() {
    TeamBoard team = board("t", RoutingMode.LEAST_LOADED, operator("a", 5, 0), operator("b", 5, 3));
    Need known = chat("t", Priority.P3, "anna@example.com");
    Need newcomer = chat("t", Priority.P3, "boris@example.com");
    Need newcomerAgain = chat("t", Priority.P3, "boris@example.com");

    List<Outcome> outcomes =
        BatchAssignment.decide(
            List.of(known, newcomer, newcomerAgain),
            Map.of("t", team),
            Map.of("anna@example.com", "b"),
            NOW);

    assertThat(operators(outcomes)).containsExactly("b", "a", "a");
    assertThat(outcomes.get(0).choice().orElseThrow().reason()).isEqualTo("returning customer");
    assertThat(outcomes.get(2).choice().orElseThrow().reason()).isEqualTo("returning customer");
  }

  @Test
  void teamsAreDecidedApartOnTheirOwnBoards() {
    TeamBoard east = board("east", RoutingMode.LEAST_LOADED, operator("e", 1, 0));
    TeamBoard west = board("west", RoutingMode.LEAST_LOADED, operator("w", 2, 0));
    List<Need> needs = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      needs.add(chat("east", Priority.P2, null));
      needs.add(chat("west", Priority.P2, null));
    }

    List<Outcome> outcomes =
        BatchAssignment.decide(needs, Map.of("east", east, "west", west), Map.of(), NOW);

    assertThat(operators(outcomes)).containsExactly("e", "w", "queued", "w", "queued", "queued");
    assertThat(outcomes.get(2).choice()).isEqualTo(Optional.empty());
  }
}

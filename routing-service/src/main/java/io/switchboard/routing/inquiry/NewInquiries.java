package io.switchboard.routing.inquiry;

import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.InquiryReceived;
import io.switchboard.routing.assignment.BatchAssignment;
import io.switchboard.routing.assignment.BatchAssignment.Need;
import io.switchboard.routing.assignment.BatchAssignment.Outcome;
import io.switchboard.routing.assignment.TeamBoard;
import io.switchboard.routing.assignment.TeamBoards;
import io.switchboard.routing.directory.Team;
import io.switchboard.routing.priority.PriorityDecision;
import io.switchboard.routing.priority.PriorityInput;
import io.switchboard.routing.priority.PriorityRules;
import io.switchboard.routing.segment.CustomerHistory;
import io.switchboard.routing.segment.CustomerKeys;
import io.switchboard.routing.teamrule.TeamDecision;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Routes a batch's new inquiries set-based, in the caller's transaction, in two steps. {@link
 * #prepare} needs no lock: the customers' segments and previous operators in one statement, the
 * priorities in memory. {@link #route} runs once the teams are locked: the teams' boards in one
 * statement, every assignment decided in memory against the teams' capacity ({@link
 * BatchAssignment}), then the inquiries and their events written ({@link NewInquiryWriter}).
 */
@ApplicationScoped
public class NewInquiries {
  private final PriorityRules priorityRules;
  private final CustomerHistory customers;
  private final TeamBoards boards;
  private final NewInquiryWriter writer;

  public NewInquiries(
      PriorityRules priorityRules,
      CustomerHistory customers,
      TeamBoards boards,
      NewInquiryWriter writer) {
    this.priorityRules = priorityRules;
    this.customers = customers;
    this.boards = boards;
    this.writer = writer;
  }

  /**
   * New inquiries with what is decided without any lock: their customers and priorities.
   *
   * @param previousOperators customer key to the operator who handled that customer last
   */
  record Prepared(List<InquiryDraft> drafts, Map<String, String> previousOperators) {}

  /**
   * @param teams the decided team of every inquiry, by inquiry id
   */
  Uni<Prepared> prepare(List<InquiryReceived> received, Map<UUID, TeamDecision> teams) {
    if (received.isEmpty()) {
      return Uni.createFrom().item(new Prepared(List.of(), Map.of()));
    }
    List<String> keys = received.stream().map(r -> CustomerKeys.of(r.customer())).toList();
    return customers.of(keys, List.of()).map(known -> prepare(received, teams, known));
  }

  private Prepared prepare(
      List<InquiryReceived> received,
      Map<UUID, TeamDecision> teams,
      Map<String, CustomerHistory.Known> known) {
    List<InquiryDraft> drafts = new ArrayList<>();
    for (InquiryReceived r : received) {
      UUID id = UUID.fromString(r.inquiryId());
      String key = CustomerKeys.of(r.customer());
      CustomerHistory.Known customer = key == null ? null : known.get(key);
      String segment = customer == null ? null : customer.segment();
      PriorityDecision priority =
          priorityRules.decide(
              PriorityInput.of(r.channel(), r.kind(), segment, r.subject(), r.text()));
      drafts.add(new InquiryDraft(r, id, key, segment, priority, teams.get(id), null));
    }
    return new Prepared(drafts, CustomerHistory.previousOperators(known));
  }

  /**
   * Assigns or queues the prepared inquiries and writes them with their events.
   *
   * @param held the locked teams by id: every prepared inquiry's team among them
   */
  Uni<Void> route(Prepared prepared, Map<String, Team> held) {
    if (prepared.drafts().isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return boards
        .read(teamsToDecide(prepared, held), Instant.now())
        .chain(
            read -> {
              // Decided now, after the locks and the load: the assignment time is honest.
              Instant now = Instant.now();
              List<InquiryDraft> decided = decide(prepared, read, now);
              return writer.write(decided, now).invoke(() -> moveCursors(read, held));
            });
  }

  private static Set<Team> teamsToDecide(Prepared prepared, Map<String, Team> held) {
    Set<Team> teams = new HashSet<>();
    for (InquiryDraft d : prepared.drafts()) {
      Team locked = held.get(d.team().team());
      if (locked == null) {
        // Only the default team can be missing here: a configuration error, not a conflict.
        throw new IllegalStateException("Unknown team " + d.team().team());
      }
      if (!d.received().automatic()) {
        teams.add(locked);
      }
    }
    return teams;
  }

  /** The drafts with their outcomes; machine-written ones stay without. */
  private static List<InquiryDraft> decide(
      Prepared prepared, Map<String, TeamBoard> boards, Instant now) {
    List<Need> needs =
        prepared.drafts().stream()
            .filter(d -> !d.received().automatic())
            .map(NewInquiries::need)
            .toList();
    Map<UUID, Outcome> outcomes = new HashMap<>();
    for (Outcome o : BatchAssignment.decide(needs, boards, prepared.previousOperators(), now)) {
      outcomes.put(o.need().inquiryId(), o);
    }
    return prepared.drafts().stream().map(d -> d.withOutcome(outcomes.get(d.id()))).toList();
  }

  private static Need need(InquiryDraft draft) {
    return new Need(
        draft.id(),
        draft.team().team(),
        draft.priority().priority(),
        draft.customerKey(),
        draft.received().channel(),
        draft.received().language(),
        draft.team().topic());
  }

  // The locked team rows are managed entities: their cursors are written when the transaction
  // flushes, in one batch.
  private static void moveCursors(Map<String, TeamBoard> boards, Map<String, Team> held) {
    for (TeamBoard board : boards.values()) {
      if (board.storesCursor()) {
        held.get(board.teamId()).lastAssignedOperatorId = board.cursor();
      }
    }
  }
}

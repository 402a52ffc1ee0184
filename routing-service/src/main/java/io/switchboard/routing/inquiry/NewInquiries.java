package io.switchboard.routing.inquiry;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.EventIds;
import io.switchboard.contracts.InquiryAssigned;
import io.switchboard.contracts.InquiryEvent;
import io.switchboard.contracts.InquiryKind;
import io.switchboard.contracts.InquiryPrioritized;
import io.switchboard.contracts.InquiryQueued;
import io.switchboard.contracts.InquiryReceived;
import io.switchboard.contracts.InquiryStatus;
import io.switchboard.platform.outbox.Outbox;
import io.switchboard.routing.SqlJson;
import io.switchboard.routing.assignment.BatchAssignment;
import io.switchboard.routing.assignment.BatchAssignment.Need;
import io.switchboard.routing.assignment.BatchAssignment.Outcome;
import io.switchboard.routing.assignment.Choice;
import io.switchboard.routing.assignment.TeamBoard;
import io.switchboard.routing.assignment.TeamBoards;
import io.switchboard.routing.directory.Team;
import io.switchboard.routing.lifecycle.StatusChanges;
import io.switchboard.routing.metrics.AssignmentReason;
import io.switchboard.routing.metrics.RoutingMetrics;
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
import org.jboss.logging.Logger;

/**
 * Routes a batch's new inquiries set-based, in the caller's transaction, which holds their teams'
 * locks: customers' segments and previous operators in one statement, the priorities and team
 * decisions in memory, the teams' boards in one statement, every assignment decided in memory
 * against the teams' capacity ({@link BatchAssignment}), the inquiries in one insert and their
 * events in one outbox insert. Each inquiry's events keep today's order: prioritized, then assigned
 * or queued, then its status change.
 */
@ApplicationScoped
public class NewInquiries {
  private static final Logger LOG = Logger.getLogger(NewInquiries.class);
  private static final String SYSTEM = "system";
  // An inquiry that exists already (its receipt redelivered under another event id) stays as it is.
  private static final String INSERT =
      """
      with inserted as (
        insert into routing.inquiry (id, ticket, channel, kind, language, customer_key, segment,
               priority, matched_rules, status, team_id, topic, team_rule, operator_id,
               received_at, assigned_at, automatic)
        select r.id, r.ticket, r.channel, r.kind, r.language, r.customer_key, r.segment,
               r.priority, r.matched_rules, r.status, r.team_id, r.topic, r.team_rule,
               r.operator_id, r.received_at, r.assigned_at, r.automatic
          from jsonb_to_recordset(cast(cast(:rows as text) as jsonb))
               as r(id uuid, ticket text, channel text,
               kind text, language text, customer_key text, segment text, priority text,
               matched_rules text, status text, team_id text, topic text, team_rule text,
               operator_id text, received_at timestamptz, assigned_at timestamptz,
               automatic boolean)
        on conflict (id) do nothing
        returning id)
      select id from inserted
      """;

  private final PriorityRules priorityRules;
  private final CustomerHistory customers;
  private final TeamBoards boards;
  private final Outbox outbox;
  private final RoutingMetrics metrics;

  public NewInquiries(
      PriorityRules priorityRules,
      CustomerHistory customers,
      TeamBoards boards,
      Outbox outbox,
      RoutingMetrics metrics) {
    this.priorityRules = priorityRules;
    this.customers = customers;
    this.boards = boards;
    this.outbox = outbox;
    this.metrics = metrics;
  }

  /** A new inquiry as decided, before it is written; {@code outcome} null when automatic. */
  private record Draft(
      InquiryReceived received,
      UUID id,
      String customerKey,
      String segment,
      PriorityDecision priority,
      TeamDecision team,
      Outcome outcome) {

    InquiryStatus status() {
      if (outcome == null) {
        return InquiryStatus.NEW;
      }
      return outcome.choice().isPresent() ? InquiryStatus.ASSIGNED : InquiryStatus.QUEUED;
    }

    String operatorId() {
      return outcome == null ? null : outcome.choice().map(Choice::operatorId).orElse(null);
    }
  }

  /**
   * @param teams the decided team of every inquiry, by inquiry id; those teams are locked
   * @param held the locked teams by id
   */
  public Uni<Void> route(
      List<InquiryReceived> received, Map<UUID, TeamDecision> teams, Map<String, Team> held) {
    if (received.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    List<String> keys = received.stream().map(r -> CustomerKeys.of(r.customer())).toList();
    return customers
        .of(keys, List.of())
        .chain(known -> decide(received, teams, held, known))
        .chain(this::write);
  }

  private record Decided(
      List<Draft> drafts, Map<String, TeamBoard> boards, Map<String, Team> held, Instant at) {}

  private Uni<Decided> decide(
      List<InquiryReceived> received,
      Map<UUID, TeamDecision> teams,
      Map<String, Team> held,
      Map<String, CustomerHistory.Known> known) {
    List<Draft> drafts = new ArrayList<>();
    Set<Team> toBoard = new HashSet<>();
    for (InquiryReceived r : received) {
      UUID id = UUID.fromString(r.inquiryId());
      String key = CustomerKeys.of(r.customer());
      CustomerHistory.Known customer = key == null ? null : known.get(key);
      String segment = customer == null ? null : customer.segment();
      TeamDecision team = teams.get(id);
      PriorityDecision priority =
          priorityRules.decide(
              PriorityInput.of(r.channel(), r.kind(), segment, r.subject(), r.text()));
      drafts.add(new Draft(r, id, key, segment, priority, team, null));
      Team locked = held.get(team.team());
      if (locked == null) {
        // Only the default team can be missing here: a configuration error, not a conflict.
        throw new IllegalStateException("Unknown team " + team.team());
      }
      if (!r.automatic()) {
        toBoard.add(locked);
      }
    }
    return boards
        .read(toBoard, Instant.now())
        .map(
            read -> {
              // Decided now, after the locks and the load: the assignment time is honest.
              Instant now = Instant.now();
              List<Need> needs =
                  drafts.stream().filter(d -> !d.received().automatic()).map(this::need).toList();
              Map<UUID, Outcome> outcomes = new HashMap<>();
              for (Outcome o :
                  BatchAssignment.decide(
                      needs, read, CustomerHistory.previousOperators(known), now)) {
                outcomes.put(o.need().inquiryId(), o);
              }
              List<Draft> decided =
                  drafts.stream()
                      .map(
                          d ->
                              new Draft(
                                  d.received(),
                                  d.id(),
                                  d.customerKey(),
                                  d.segment(),
                                  d.priority(),
                                  d.team(),
                                  outcomes.get(d.id())))
                      .toList();
              return new Decided(decided, read, held, now);
            });
  }

  private Need need(Draft draft) {
    return new Need(
        draft.id(),
        draft.team().team(),
        draft.priority().priority(),
        draft.customerKey(),
        draft.received().channel(),
        draft.received().language(),
        draft.team().topic());
  }

  private Uni<Void> write(Decided decided) {
    return insert(decided.drafts(), decided.at())
        .chain(
            inserted -> {
              List<Draft> written =
                  decided.drafts().stream().filter(d -> inserted.contains(d.id())).toList();
              if (written.size() < decided.drafts().size()) {
                LOG.infof(
                    "%d inquiries of the batch existed already; left as they are",
                    decided.drafts().size() - written.size());
              }
              written.forEach(d -> count(d, decided.at()));
              return outbox.stageAll(events(written, decided.at()));
            })
        .invoke(() -> moveCursors(decided));
  }

  // The locked team rows are managed entities: their cursors are written when the transaction
  // flushes, in one batch.
  private static void moveCursors(Decided decided) {
    for (TeamBoard board : decided.boards().values()) {
      if (board.cursorMoved()) {
        decided.held().get(board.teamId()).lastAssignedOperatorId = board.cursor();
      }
    }
  }

  private Uni<Set<UUID>> insert(List<Draft> drafts, Instant now) {
    String rows = rows(drafts, now);
    return Panache.getSession()
        .chain(
            s -> s.createNativeQuery(INSERT, UUID.class).setParameter("rows", rows).getResultList())
        .map(HashSet::new);
  }

  private static String rows(List<Draft> drafts, Instant now) {
    ArrayNode rows = SqlJson.rows();
    for (Draft d : drafts) {
      InquiryReceived r = d.received();
      String operator = d.operatorId();
      rows.addObject()
          .put("id", d.id().toString())
          .put("ticket", r.ticket())
          .put("channel", r.channel().name())
          .put("kind", (r.kind() == null ? InquiryKind.MESSAGE : r.kind()).name())
          .put("language", r.language())
          .put("customer_key", d.customerKey())
          .put("segment", d.segment())
          .put("priority", d.priority().priority().name())
          .put("matched_rules", String.join(",", d.priority().matchedRules()))
          .put("status", d.status().name())
          .put("team_id", d.team().team())
          .put("topic", d.team().topic())
          .put("team_rule", d.team().rule())
          .put("operator_id", operator)
          .put("received_at", SqlJson.instant(r.occurredAt()))
          .put("assigned_at", operator == null ? null : SqlJson.instant(now))
          .put("automatic", r.automatic());
    }
    return rows.toString();
  }

  /** Per inquiry, in batch order: prioritized, then assigned or queued, then its status change. */
  private static List<InquiryEvent> events(List<Draft> drafts, Instant now) {
    List<InquiryEvent> events = new ArrayList<>();
    for (Draft d : drafts) {
      String id = d.id().toString();
      var priority = d.priority().priority();
      String team = d.team().team();
      events.add(
          new InquiryPrioritized(
              EventIds.next(),
              id,
              now,
              InquiryPrioritized.SCHEMA_VERSION,
              priority,
              d.priority().matchedRules(),
              d.segment(),
              team,
              d.team().topic(),
              d.team().rule()));
      if (d.outcome() == null) {
        continue;
      }
      String reason;
      if (d.outcome().choice().isPresent()) {
        Choice choice = d.outcome().choice().get();
        reason = choice.reason();
        events.add(
            new InquiryAssigned(
                EventIds.next(),
                id,
                now,
                InquiryAssigned.SCHEMA_VERSION,
                team,
                choice.operatorId(),
                priority,
                reason));
      } else {
        reason = d.outcome().whyNobody();
        events.add(
            new InquiryQueued(
                EventIds.next(), id, now, InquiryQueued.SCHEMA_VERSION, team, priority, reason));
      }
      events.add(
          StatusChanges.event(d.id(), InquiryStatus.NEW, d.status(), SYSTEM, reason, false, now));
    }
    return events;
  }

  /** Metrics (after commit) and the log line of one written inquiry. */
  private void count(Draft d, Instant now) {
    InquiryReceived r = d.received();
    var priority = d.priority().priority();
    String team = d.team().team();
    metrics.prioritized(r.channel(), priority);
    String placed;
    if (d.outcome() == null) {
      metrics.automatic(r.channel());
      placed = "machine-written: kept, not assigned";
    } else if (d.outcome().choice().isPresent()) {
      Choice choice = d.outcome().choice().get();
      metrics.assigned(
          team,
          AssignmentReason.of(false, InquiryStatus.NEW, false, choice.reason()),
          priority,
          r.occurredAt(),
          now,
          true);
      metrics.statusChanged(InquiryStatus.ASSIGNED, team, choice.operatorId());
      placed = "assigned to " + choice.operatorId() + ": " + choice.reason();
    } else {
      metrics.statusChanged(InquiryStatus.QUEUED, team, null);
      placed = "queued: " + d.outcome().whyNobody();
    }
    LOG.infof(
        "Inquiry %s is %s by rules %s; team %s, topic %s by team rule %s; %s",
        d.id(),
        priority,
        d.priority().matchedRules(),
        team,
        d.team().topic(),
        d.team().rule(),
        placed);
  }
}

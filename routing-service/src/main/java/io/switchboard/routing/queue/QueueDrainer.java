package io.switchboard.routing.queue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.EventIds;
import io.switchboard.contracts.InquiryAssigned;
import io.switchboard.contracts.InquiryEvent;
import io.switchboard.contracts.InquiryStatus;
import io.switchboard.contracts.Priority;
import io.switchboard.platform.outbox.Outbox;
import io.switchboard.platform.retry.Conflicts;
import io.switchboard.platform.retry.RetryableConflict;
import io.switchboard.routing.RoutingConfig;
import io.switchboard.routing.Rows;
import io.switchboard.routing.SqlJson;
import io.switchboard.routing.assignment.BatchAssignment;
import io.switchboard.routing.assignment.BatchAssignment.Need;
import io.switchboard.routing.assignment.Choice;
import io.switchboard.routing.assignment.TeamBoard;
import io.switchboard.routing.assignment.TeamBoards;
import io.switchboard.routing.directory.Team;
import io.switchboard.routing.lifecycle.StatusChanges;
import io.switchboard.routing.metrics.AssignmentReason;
import io.switchboard.routing.metrics.RoutingMetrics;
import io.switchboard.routing.segment.CustomerHistory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Hands queued inquiries out, most urgent first (priority, then SLA due time, then arrival), as
 * soon as somebody can take them: right after capacity frees, in the same transaction, and from
 * {@link QueueTimer} for what no event announces. Set-based: the head of the queue in one
 * statement, the team's board in one, every choice made in memory ({@link BatchAssignment}), the
 * assigned inquiries updated in one statement and their events staged in one.
 */
@ApplicationScoped
public class QueueDrainer {
  private static final Logger LOG = Logger.getLogger(QueueDrainer.class);
  private static final String SYSTEM = "system";

  private static final String QUEUED =
      """
      select id, channel, language, topic, priority, customer_key, received_at, assigned_at
        from routing.inquiry
       where team_id = :team and status = 'QUEUED'
         and id not in (select cast(x as uuid)
                          from jsonb_array_elements_text(cast(cast(:skip as text) as jsonb))
                               as x)
       order by priority, sla_due_at nulls last, received_at, id
       limit :limit
      """;
  private static final String ASSIGN =
      """
      update routing.inquiry i
         set status = 'ASSIGNED', operator_id = r.operator_id, assigned_at = r.assigned_at,
             accepted_at = null, awaiting_reply_since = null, version = i.version + 1
        from jsonb_to_recordset(cast(cast(:rows as text) as jsonb))
             as r(id uuid, operator_id text, assigned_at timestamptz)
       where i.id = r.id and i.team_id = :team and i.status = 'QUEUED'
         and i.id = any(array(select x.id
                                from jsonb_to_recordset(cast(cast(:rows as text) as jsonb))
                                     as x(id uuid)))
      """;

  private final TeamBoards boards;
  private final CustomerHistory customers;
  private final Outbox outbox;
  private final RoutingMetrics metrics;
  private final int batch;

  public QueueDrainer(
      TeamBoards boards,
      CustomerHistory customers,
      Outbox outbox,
      RoutingMetrics metrics,
      RoutingConfig config) {
    this.boards = boards;
    this.customers = customers;
    this.outbox = outbox;
    this.metrics = metrics;
    this.batch = config.queue().drainBatch();
  }

  /** A queued inquiry as the drain reads it. */
  private record Queued(
      UUID id,
      Channel channel,
      String language,
      String topic,
      Priority priority,
      String customerKey,
      Instant receivedAt,
      boolean assignedBefore) {}

  /** A queued inquiry given to an operator. */
  private record Handed(Queued inquiry, Choice choice) {}

  /** What one drain decided: the choices, the board they were counted on, and when. */
  private record Drained(List<Handed> handed, TeamBoard board, Instant at) {}

  /**
   * Call inside a transaction that holds this team's lock already, or that takes it here as its
   * first lock ({@link io.switchboard.routing.Locks}). The team row is locked before the queue is
   * read, so a concurrent drain that already handed an inquiry out has committed and it is no
   * longer read as queued; and every path that changes an inquiry holds its team, so the queued
   * inquiries read here stay as read until this transaction ends.
   *
   * @param inHand inquiries the caller holds as entities in this session: left to the caller, since
   *     the drain writes rows directly and the caller's copies would go stale
   */
  public Uni<Void> drain(String teamId, Collection<UUID> inHand) {
    return Panache.getSession()
        // What the caller changed (a slot freed, an inquiry queued) counts for the drain.
        .call(s -> s.flush())
        .chain(() -> Team.<Team>findById(teamId, LockModeType.PESSIMISTIC_WRITE))
        .chain(team -> team == null ? Uni.createFrom().voidItem() : drain(team, inHand));
  }

  /** Drains the team's queue in a transaction of its own. */
  public Uni<Void> drainNow(String teamId) {
    return Conflicts.retry(() -> Panache.withTransaction(() -> drain(teamId, Set.of())));
  }

  private Uni<Void> drain(Team team, Collection<UUID> inHand) {
    return queued(team.id, inHand)
        .chain(queued -> queued.isEmpty() ? Uni.createFrom().voidItem() : handOut(team, queued));
  }

  private Uni<List<Queued>> queued(String teamId, Collection<UUID> inHand) {
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery(QUEUED, Object[].class)
                    .setParameter("team", teamId)
                    .setParameter("skip", SqlJson.strings(inHand))
                    .setParameter("limit", batch)
                    .getResultList())
        .map(rows -> rows.stream().map(QueueDrainer::queued).toList());
  }

  private static Queued queued(Object[] row) {
    return new Queued(
        Rows.uuid(row[0]),
        Channel.valueOf((String) row[1]),
        (String) row[2],
        (String) row[3],
        Priority.valueOf((String) row[4]),
        (String) row[5],
        Rows.instant(row[6]),
        row[7] != null);
  }

  private Uni<Void> handOut(Team team, List<Queued> queued) {
    return customers
        .of(queued.stream().map(Queued::customerKey).toList(), List.of())
        .chain(
            known ->
                boards
                    .read(List.of(team), Instant.now())
                    .map(
                        read ->
                            decide(
                                queued,
                                read.get(team.id),
                                CustomerHistory.previousOperators(known))))
        .chain(
            drained ->
                drained.handed().isEmpty() ? Uni.createFrom().voidItem() : write(team, drained));
  }

  private static Drained decide(
      List<Queued> queued, TeamBoard board, Map<String, String> previousOperators) {
    Instant now = Instant.now();
    List<Need> needs =
        queued.stream()
            .map(
                q ->
                    new Need(
                        q.id(),
                        board.teamId(),
                        q.priority(),
                        q.customerKey(),
                        q.channel(),
                        q.language(),
                        q.topic()))
            .toList();
    var outcomes =
        BatchAssignment.decide(needs, Map.of(board.teamId(), board), previousOperators, now);
    List<Handed> handed = new ArrayList<>();
    for (int i = 0; i < queued.size(); i++) {
      Queued q = queued.get(i);
      outcomes.get(i).choice().ifPresent(choice -> handed.add(new Handed(q, choice)));
    }
    return new Drained(handed, board, now);
  }

  private Uni<Void> write(Team team, Drained drained) {
    List<Handed> handed = drained.handed();
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeMutationQuery(ASSIGN)
                    .setParameter("rows", rows(drained))
                    .setParameter("team", team.id)
                    .executeUpdate())
        .invoke(
            updated -> {
              if (updated != handed.size()) {
                throw new RetryableConflict(
                    "Queue of team " + team.id + " changed while it was drained");
              }
            })
        .chain(() -> outbox.stageAll(events(team.id, drained)))
        .invoke(
            () -> {
              if (drained.board().storesCursor()) {
                // The locked team row is a managed entity: written when the transaction flushes.
                team.lastAssignedOperatorId = drained.board().cursor();
              }
              handed.forEach(h -> count(team.id, h, drained.at()));
            });
  }

  private static String rows(Drained drained) {
    ArrayNode rows = SqlJson.rows();
    for (Handed h : drained.handed()) {
      rows.addObject()
          .put("id", h.inquiry().id().toString())
          .put("operator_id", h.choice().operatorId())
          .put("assigned_at", SqlJson.instant(drained.at()));
    }
    return rows.toString();
  }

  /** Per inquiry: assigned, then its status change, as a single assignment stages them. */
  private static List<InquiryEvent> events(String teamId, Drained drained) {
    List<InquiryEvent> events = new ArrayList<>();
    for (Handed h : drained.handed()) {
      events.add(
          new InquiryAssigned(
              EventIds.next(),
              h.inquiry().id().toString(),
              drained.at(),
              InquiryAssigned.SCHEMA_VERSION,
              teamId,
              h.choice().operatorId(),
              h.inquiry().priority(),
              h.choice().reason()));
      events.add(
          StatusChanges.event(
              h.inquiry().id(),
              InquiryStatus.QUEUED,
              InquiryStatus.ASSIGNED,
              SYSTEM,
              h.choice().reason(),
              false,
              drained.at()));
    }
    return events;
  }

  private void count(String teamId, Handed h, Instant at) {
    metrics.assigned(
        teamId,
        AssignmentReason.QUEUE,
        h.inquiry().priority(),
        h.inquiry().receivedAt(),
        at,
        !h.inquiry().assignedBefore());
    metrics.statusChanged(InquiryStatus.ASSIGNED, teamId, h.choice().operatorId());
    LOG.infof(
        "Inquiry %s (%s) assigned from the queue of %s to %s: %s",
        h.inquiry().id(),
        h.inquiry().priority(),
        teamId,
        h.choice().operatorId(),
        h.choice().reason());
  }
}

package io.switchboard.routing.queue;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.InquiryStatus;
import io.switchboard.platform.retry.Conflicts;
import io.switchboard.routing.RoutingConfig;
import io.switchboard.routing.assignment.Assigner;
import io.switchboard.routing.directory.Team;
import io.switchboard.routing.inquiry.Inquiry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Hands queued inquiries out, most urgent first (priority, then SLA due time, then arrival), as
 * soon as somebody can take them. Called right after capacity frees in the same transaction, and on
 * a timer for what no event announces: a shift that starts, an idle operator who times out.
 */
@ApplicationScoped
public class QueueDrainer {
  private static final Logger LOG = Logger.getLogger(QueueDrainer.class);

  private static final String QUEUED_TEAMS =
      "select distinct team_id from routing.inquiry where status = 'QUEUED' order by team_id";

  private final Assigner assigner;
  private final int batch;

  public QueueDrainer(Assigner assigner, RoutingConfig config) {
    this.assigner = assigner;
    this.batch = config.queue().drainBatch();
  }

  /**
   * Call inside a transaction that holds this team's lock already, or that takes it here as its
   * first lock ({@link io.switchboard.routing.Locks}). The team row is locked before the queue is
   * read, so a concurrent drain that already handed an inquiry out has committed and it is no
   * longer read as queued; and every path that changes an inquiry holds its team, so the queued
   * inquiries read here stay as read until this transaction ends.
   */
  public Uni<Void> drain(String teamId) {
    return Team.findById(teamId, LockModeType.PESSIMISTIC_WRITE)
        .chain(
            () ->
                Inquiry.<Inquiry>find(
                        "teamId = ?1 and status = ?2"
                            + " order by priority, slaDueAt nulls last, receivedAt, id",
                        teamId,
                        InquiryStatus.QUEUED)
                    .page(0, batch)
                    .list())
        .chain(this::assignInOrder);
  }

  /**
   * Nothing frees inside one drain (the team is locked), so once an inquiry stays queued every
   * later one with the same channel, language and topic would too: it is not tried again. A
   * returning customer changes nothing here, the previous operator must be eligible as well.
   */
  private Uni<Void> assignInOrder(List<Inquiry> queued) {
    Set<String> noRoom = new HashSet<>();
    return Multi.createFrom()
        .iterable(queued)
        .onItem()
        .transformToUniAndConcatenate(
            i ->
                noRoom.contains(needs(i))
                    ? Uni.createFrom().voidItem()
                    : assigner
                        .assignOrQueue(i, Set.of(), "system")
                        .invoke(
                            choice -> {
                              if (choice.isEmpty()) {
                                noRoom.add(needs(i));
                              }
                            })
                        .replaceWithVoid())
        .collect()
        .asList()
        .replaceWithVoid();
  }

  private static String needs(Inquiry inquiry) {
    return inquiry.channel + "/" + inquiry.language + "/" + inquiry.topic;
  }

  /** Drains the team's queue in a transaction of its own. */
  public Uni<Void> drainNow(String teamId) {
    return Conflicts.retry(() -> Panache.withTransaction(() -> drain(teamId)));
  }

  @Scheduled(
      every = "${switchboard.routing.queue.drain-interval:5s}",
      delayed = "5s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> drainAll() {
    // One transaction per team: a round holds one team lock at a time, never several at once.
    return Panache.withSession(
            () ->
                Panache.getSession()
                    .chain(s -> s.createNativeQuery(QUEUED_TEAMS, String.class).getResultList()))
        .chain(
            teams ->
                Multi.createFrom()
                    .iterable(teams)
                    .onItem()
                    .transformToUniAndConcatenate(this::drainOrLog)
                    .collect()
                    .asList())
        .onFailure()
        .invoke(e -> LOG.warn("Queue round failed; the next round retries", e))
        .onFailure()
        .recoverWithNull()
        .replaceWithVoid();
  }

  // A team whose drain fails must not keep the other teams' queues waiting for the next round.
  private Uni<Void> drainOrLog(String teamId) {
    return drainNow(teamId)
        .onFailure()
        .recoverWithUni(
            e -> {
              LOG.warnf(e, "Queue of team %s not drained; the next round retries", teamId);
              return Uni.createFrom().voidItem();
            });
  }
}

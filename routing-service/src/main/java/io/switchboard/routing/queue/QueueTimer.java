package io.switchboard.routing.queue;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Drains every team's queue on a timer, for what no event announces: a shift that starts, an idle
 * operator who times out.
 */
@ApplicationScoped
public class QueueTimer {
  private static final Logger LOG = Logger.getLogger(QueueTimer.class);
  private static final String QUEUED_TEAMS =
      "select distinct team_id from routing.inquiry where status = 'QUEUED' order by team_id";

  private final QueueDrainer drainer;

  public QueueTimer(QueueDrainer drainer) {
    this.drainer = drainer;
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
    return drainer
        .drainNow(teamId)
        .onFailure()
        .recoverWithUni(
            e -> {
              LOG.warnf(e, "Queue of team %s not drained; the next round retries", teamId);
              return Uni.createFrom().voidItem();
            });
  }
}

package io.switchboard.routing.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.switchboard.routing.Rows;
import io.switchboard.routing.assignment.Candidate;
import io.switchboard.routing.assignment.TeamBoards;
import io.switchboard.routing.directory.Team;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Per-team gauges read from the database on a timer, so that every instance reports the shared
 * state (dashboards take the max, not the sum): queue depth, oldest waiting age, operators online
 * and available, load and capacity per operator. Names as in docs/metrics.md.
 */
@ApplicationScoped
public class TeamGauges {
  private static final Logger LOG = Logger.getLogger(TeamGauges.class);
  private static final String QUEUES =
      """
      select team_id, count(*), min(received_at) from routing.inquiry
       where status = 'QUEUED' group by team_id
      """;

  private static final String DEPTH = "switchboard.routing.queue.depth";
  private static final String OLDEST = "switchboard.routing.queue.oldest.age";

  private final MeterRegistry registry;
  private final TeamBoards boards;
  private final Map<String, AtomicLong> values = new ConcurrentHashMap<>();

  public TeamGauges(MeterRegistry registry, TeamBoards boards) {
    this.registry = registry;
    this.boards = boards;
  }

  @Scheduled(
      every = "${switchboard.routing.metrics.refresh-interval:15s}",
      delayed = "5s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> refresh() {
    Instant now = Instant.now();
    return Panache.withSession(
            () ->
                Team.<Team>listAll()
                    .chain(teams -> queues(teams, now).chain(() -> operators(teams, now))))
        .onFailure()
        .invoke(e -> LOG.warn("Routing gauges not refreshed", e))
        .onFailure()
        .recoverWithNull()
        .replaceWithVoid();
  }

  private Uni<Void> queues(List<Team> teams, Instant now) {
    return Panache.getSession()
        .chain(s -> s.createNativeQuery(QUEUES, Object[].class).getResultList())
        .invoke(
            rows -> {
              teams.forEach(
                  t -> {
                    set(DEPTH, t.id, null, 0);
                    set(OLDEST, t.id, null, 0);
                  });
              for (Object[] row : rows) {
                String team = (String) row[0];
                set(DEPTH, team, null, ((Number) row[1]).longValue());
                Instant oldest = Rows.instant(row[2]);
                set(
                    OLDEST,
                    team,
                    null,
                    oldest == null ? 0 : Duration.between(oldest, now).toSeconds());
              }
            })
        .replaceWithVoid();
  }

  // All teams' operators and load in one statement; no locks, a gauge may be a moment old.
  private Uni<Void> operators(List<Team> teams, Instant now) {
    return boards
        .read(teams, now)
        .invoke(read -> read.values().forEach(b -> record(b.teamId(), b.candidates(), now)))
        .replaceWithVoid();
  }

  private void record(String team, List<Candidate> candidates, Instant now) {
    long online = candidates.stream().filter(Candidate::present).count();
    long available =
        candidates.stream()
            .filter(c -> c.present() && c.schedule().isOnShift(now) && c.totalOpen() < total(c))
            .count();
    set("switchboard.routing.operators.online", team, null, online);
    set("switchboard.routing.operators.available", team, null, available);
    candidates.forEach(
        c -> {
          set("switchboard.routing.operator.load", team, c.operatorId(), c.totalOpen());
          set("switchboard.routing.operator.capacity", team, c.operatorId(), total(c));
        });
  }

  private static long total(Candidate candidate) {
    return candidate.capacity().values().stream().mapToLong(Integer::longValue).sum();
  }

  private void set(String name, String team, String operator, long value) {
    String key = name + "|" + team + "|" + operator;
    values
        .computeIfAbsent(
            key,
            k -> {
              AtomicLong holder = new AtomicLong();
              var builder = Gauge.builder(name, holder, AtomicLong::get).tag("team", team);
              if (name.equals(OLDEST)) {
                builder.baseUnit("seconds");
              }
              if (operator != null) {
                builder.tag("operator", operator);
              }
              builder.register(registry);
              return holder;
            })
        .set(value);
  }
}

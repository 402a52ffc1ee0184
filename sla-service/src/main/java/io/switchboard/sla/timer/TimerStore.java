package io.switchboard.sla.timer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.EventIds;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Writes the pending timers of a batch's clocks with one statement, in the caller's transaction.
 */
@ApplicationScoped
public class TimerStore {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String replace;

  public TimerStore(
      @ConfigProperty(name = "quarkus.hibernate-orm.database.default-schema") String schema) {
    // Fired rows stay as the record of what went out; only pending ones are replaced. Both parts
    // see the statement's snapshot, so the delete never meets the rows the insert adds.
    this.replace =
        "with cleared as (delete from "
            + schema
            + ".sla_timer where fired_at is null"
            + " and clock_id = any(cast(string_to_array(:clocks, ',') as uuid[])))"
            + " insert into "
            + schema
            + ".sla_timer (id, clock_id, kind, level, due_at)"
            + " select id, clock_id, kind, level, due_at"
            + " from json_to_recordset(cast(cast(:timers as text) as json)) as r(id uuid, clock_id uuid,"
            + " kind text, level int, due_at timestamptz)";
  }

  /**
   * Replaces the pending timers of each clock with the given ones; an empty list only drops them
   * (the clock stopped or paused).
   */
  public Uni<Void> replace(Map<UUID, List<TimerPlan.Timer>> byClock) {
    if (byClock.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    ArrayNode rows = JSON.createArrayNode();
    byClock.forEach(
        (clock, timers) -> {
          for (TimerPlan.Timer timer : timers) {
            rows.addObject()
                .put("id", EventIds.next().toString())
                .put("clock_id", clock.toString())
                .put("kind", timer.kind().name())
                .put("level", timer.level())
                .put("due_at", timer.dueAt().truncatedTo(ChronoUnit.MICROS).toString());
          }
        });
    String clocks = byClock.keySet().stream().map(UUID::toString).collect(Collectors.joining(","));
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(replace)
                    .setParameter("clocks", clocks)
                    .setParameter("timers", rows.toString())
                    .executeUpdate())
        .replaceWithVoid();
  }
}

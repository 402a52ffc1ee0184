package io.switchboard.ingest.threading;

import io.smallrye.mutiny.Uni;
import io.switchboard.platform.vertx.ContextExecutor;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Finds the inquiry a message continues, from what it names: thread refs, then a ticket. */
@ApplicationScoped
public class Threads {
  // Both ways in one round trip: the refs' inquiries (ref set) and the ticket's (ref null).
  private static final String FIND =
      "select t.ref, t.inquiry_id, i.ticket from ingest.thread_ref t join ingest.intake i"
          + " on i.inquiry_id = t.inquiry_id and i.event_type = 'switchboard.inquiry.received'"
          + " where t.ref = any($1::text[]) and t.created_at >= $2"
          + " union all"
          + " select null, inquiry_id, ticket from ingest.intake"
          + " where ticket = $3 and event_type = 'switchboard.inquiry.received'";

  private final Pool pool;

  public Threads(Pool pool) {
    this.pool = pool;
  }

  /**
   * @param refs thread refs the message names, the nearest first (its In-Reply-To before older
   *     References)
   * @param ticket a ticket found in the message, if any
   */
  public Uni<Optional<ThreadMatch>> find(List<String> refs, Optional<String> ticket) {
    return find(refs, ticket, Instant.EPOCH);
  }

  /**
   * @param activeSince refs last used before this instant no longer continue their inquiry: a
   *     conversation that went quiet starts a new inquiry
   */
  public Uni<Optional<ThreadMatch>> find(
      List<String> refs, Optional<String> ticket, Instant activeSince) {
    if (refs.isEmpty() && ticket.isEmpty()) {
      return Uni.createFrom().item(Optional.empty());
    }
    return pool.preparedQuery(FIND)
        .execute(
            Tuple.of(
                refs.toArray(String[]::new),
                activeSince.atOffset(ZoneOffset.UTC),
                ticket.orElse(null)))
        .map(rows -> nearest(rows, refs))
        .emitOn(ContextExecutor.current());
  }

  // The nearest ref that names an inquiry wins; the ticket only when no ref does.
  private static Optional<ThreadMatch> nearest(Iterable<Row> rows, List<String> refs) {
    Map<String, ThreadMatch> byRef = new HashMap<>();
    ThreadMatch byTicket = null;
    for (Row row : rows) {
      ThreadMatch match = new ThreadMatch(row.getUUID(1).toString(), row.getString(2));
      String ref = row.getString(0);
      if (ref == null) {
        byTicket = match;
      } else {
        byRef.put(ref, match);
      }
    }
    Optional<ThreadMatch> nearestRef =
        refs.stream().filter(byRef::containsKey).map(byRef::get).findFirst();
    return nearestRef.isPresent() ? nearestRef : Optional.ofNullable(byTicket);
  }
}

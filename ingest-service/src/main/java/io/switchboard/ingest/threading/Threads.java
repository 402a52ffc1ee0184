package io.switchboard.ingest.threading;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.switchboard.platform.vertx.ContextExecutor;
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
  private static final String RECEIVED = "'switchboard.inquiry.received'";
  private static final String BY_REF =
      "select t.ref || chr(9) || t.inquiry_id::text || chr(9) || i.ticket"
          + " from ingest.thread_ref t join ingest.intake i"
          + " on i.inquiry_id = t.inquiry_id and i.event_type = "
          + RECEIVED
          + " where t.ref in (:refs) and t.created_at >= :since";
  private static final String BY_TICKET =
      "select inquiry_id::text from ingest.intake where ticket = :ticket and event_type = "
          + RECEIVED;

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
    return Panache.withSession(
            () ->
                byRefs(refs, activeSince)
                    .chain(
                        found ->
                            found.isPresent() ? Uni.createFrom().item(found) : byTicket(ticket)))
        .emitOn(ContextExecutor.current());
  }

  private Uni<Optional<ThreadMatch>> byRefs(List<String> refs, Instant activeSince) {
    if (refs.isEmpty()) {
      return Uni.createFrom().item(Optional.empty());
    }
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery(BY_REF, String.class)
                    .setParameter("refs", refs)
                    .setParameter("since", activeSince.atOffset(ZoneOffset.UTC))
                    .getResultList())
        .map(
            rows -> {
              Map<String, ThreadMatch> byRef = new HashMap<>();
              for (String row : rows) {
                int last = row.lastIndexOf('\t');
                int middle = row.lastIndexOf('\t', last - 1);
                byRef.put(
                    row.substring(0, middle),
                    new ThreadMatch(row.substring(middle + 1, last), row.substring(last + 1)));
              }
              return refs.stream().filter(byRef::containsKey).map(byRef::get).findFirst();
            });
  }

  private Uni<Optional<ThreadMatch>> byTicket(Optional<String> ticket) {
    if (ticket.isEmpty()) {
      return Uni.createFrom().item(Optional.empty());
    }
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery(BY_TICKET, String.class)
                    .setParameter("ticket", ticket.get())
                    .getResultList())
        .map(ids -> ids.stream().findFirst().map(id -> new ThreadMatch(id, ticket.get())));
  }
}

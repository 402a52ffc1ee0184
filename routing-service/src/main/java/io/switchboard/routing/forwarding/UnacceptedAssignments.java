package io.switchboard.routing.forwarding;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.Channel;
import io.switchboard.routing.RoutingConfig;
import io.switchboard.routing.inquiry.Inquiry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Forwards assignments nobody accepted within their channel's time. Rows are claimed with {@code
 * skip locked}, so several instances share the work without forwarding one inquiry twice.
 */
@ApplicationScoped
public class UnacceptedAssignments {
  private static final Logger LOG = Logger.getLogger(UnacceptedAssignments.class);
  private static final String OVERDUE =
      """
      select id from routing.inquiry
       where status = 'ASSIGNED' and channel = :channel and assigned_at < :before
         and forward_level <= :levels
       order by assigned_at limit 50
       for update skip locked
      """;

  private final Forwarder forwarder;
  private final RoutingConfig.Forwarding config;

  public UnacceptedAssignments(Forwarder forwarder, RoutingConfig config) {
    this.forwarder = forwarder;
    this.config = config.forwarding();
  }

  @Scheduled(
      every = "${switchboard.routing.forwarding.check-interval:10s}",
      delayed = "5s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> forwardOverdue() {
    Instant now = Instant.now();
    return Multi.createFrom()
        .items(Channel.values())
        .onItem()
        .transformToUniAndConcatenate(channel -> forwardOverdue(channel, now))
        .collect()
        .asList()
        .replaceWithVoid()
        .onFailure()
        .invoke(e -> LOG.warn("Forwarding round failed; the next round retries", e))
        .onFailure()
        .recoverWithNull();
  }

  private Uni<Void> forwardOverdue(Channel channel, Instant now) {
    String reason = "not accepted within " + config.acceptTimeoutFor(channel);
    return Panache.withTransaction(
        () ->
            Panache.getSession()
                .chain(
                    s ->
                        s.createNativeQuery(OVERDUE, UUID.class)
                            .setParameter("channel", channel.name())
                            .setParameter("before", now.minus(config.acceptTimeoutFor(channel)))
                            // Past the last level it sits with the supervisor: nobody above.
                            .setParameter("levels", config.levels())
                            .getResultList())
                .chain(ids -> forwardAll(ids, reason)));
  }

  private Uni<Void> forwardAll(List<UUID> ids, String reason) {
    return Multi.createFrom()
        .iterable(ids)
        .onItem()
        .transformToUniAndConcatenate(
            id ->
                Inquiry.<Inquiry>findById(id)
                    .chain(inquiry -> forwarder.forward(inquiry, reason, false)))
        .collect()
        .asList()
        .replaceWithVoid();
  }
}

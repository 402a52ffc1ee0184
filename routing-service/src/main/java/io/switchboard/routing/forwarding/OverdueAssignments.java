package io.switchboard.routing.forwarding;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.Channel;
import io.switchboard.routing.RoutingConfig;
import io.switchboard.routing.inquiry.Inquiry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Forwards assignments nobody accepted within their channel's accept timeout, and accepted ones
 * nobody answered within its answer timeout. Rows are claimed with {@code skip locked}, so several
 * instances share the work without forwarding one inquiry twice.
 */
@ApplicationScoped
public class OverdueAssignments {
  private static final Logger LOG = Logger.getLogger(OverdueAssignments.class);
  // Past the last level it sits with the supervisor: nobody above, so forward_level <= levels.
  private static final String UNACCEPTED =
      """
      select id from routing.inquiry
       where status = 'ASSIGNED' and channel = :channel and assigned_at < :before
         and forward_level <= :levels
       order by assigned_at limit 50
       for update skip locked
      """;
  private static final String UNANSWERED =
      """
      select id from routing.inquiry
       where status = 'ACCEPTED' and channel = :channel and awaiting_reply_since < :before
         and forward_level <= :levels
       order by awaiting_reply_since limit 50
       for update skip locked
      """;

  private final Forwarder forwarder;
  private final RoutingConfig.Forwarding config;

  public OverdueAssignments(Forwarder forwarder, RoutingConfig config) {
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
        .transformToUniAndConcatenate(
            channel ->
                forwardOverdue(
                        UNACCEPTED,
                        ForwardReason.NOT_ACCEPTED,
                        config.acceptTimeoutFor(channel),
                        channel,
                        now)
                    .chain(
                        () ->
                            forwardOverdue(
                                UNANSWERED,
                                ForwardReason.NOT_ANSWERED,
                                config.answerTimeoutFor(channel),
                                channel,
                                now)))
        .collect()
        .asList()
        .replaceWithVoid()
        .onFailure()
        .invoke(e -> LOG.warn("Forwarding round failed; the next round retries", e))
        .onFailure()
        .recoverWithNull();
  }

  private Uni<Void> forwardOverdue(
      String query, ForwardReason why, Duration timeout, Channel channel, Instant now) {
    String detail =
        (why == ForwardReason.NOT_ACCEPTED ? "not accepted within " : "no reply within ") + timeout;
    return Panache.withTransaction(
        () ->
            Panache.getSession()
                .chain(
                    s ->
                        s.createNativeQuery(query, UUID.class)
                            .setParameter("channel", channel.name())
                            .setParameter("before", now.minus(timeout))
                            .setParameter("levels", config.levels())
                            .getResultList())
                .chain(ids -> forwardAll(ids, why, detail)));
  }

  private Uni<Void> forwardAll(List<UUID> ids, ForwardReason why, String detail) {
    return Multi.createFrom()
        .iterable(ids)
        .onItem()
        .transformToUniAndConcatenate(
            id ->
                Inquiry.<Inquiry>findById(id)
                    .chain(inquiry -> forwarder.forward(inquiry, why, detail, false)))
        .collect()
        .asList()
        .replaceWithVoid();
  }
}

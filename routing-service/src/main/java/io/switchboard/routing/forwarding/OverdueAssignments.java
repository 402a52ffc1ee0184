package io.switchboard.routing.forwarding;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.InquiryStatus;
import io.switchboard.platform.retry.Conflicts;
import io.switchboard.routing.Locks;
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
 * nobody answered within its answer timeout. The overdue inquiries are read without a lock; each is
 * then forwarded in a transaction of its own that locks its team before it ({@link Locks}) and
 * checks that it is overdue still, so that of several instances reading the same inquiry only the
 * first forwards it.
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
      """;
  private static final String UNANSWERED =
      """
      select id from routing.inquiry
       where status = 'ACCEPTED' and channel = :channel and awaiting_reply_since < :before
         and forward_level <= :levels
       order by awaiting_reply_since limit 50
      """;

  private final Forwarder forwarder;
  private final Locks locks;
  private final RoutingConfig.Forwarding config;

  public OverdueAssignments(Forwarder forwarder, Locks locks, RoutingConfig config) {
    this.forwarder = forwarder;
    this.locks = locks;
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
                        ForwardReason.NOT_ACCEPTED, config.acceptTimeoutFor(channel), channel, now)
                    .chain(
                        () ->
                            forwardOverdue(
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
      ForwardReason why, Duration timeout, Channel channel, Instant now) {
    Instant before = now.minus(timeout);
    String detail =
        (why == ForwardReason.NOT_ACCEPTED ? "not accepted within " : "no reply within ") + timeout;
    return Panache.withSession(
            () ->
                Panache.getSession()
                    .chain(
                        s ->
                            s.createNativeQuery(
                                    why == ForwardReason.NOT_ACCEPTED ? UNACCEPTED : UNANSWERED,
                                    UUID.class)
                                .setParameter("channel", channel.name())
                                .setParameter("before", before)
                                .setParameter("levels", config.levels())
                                .getResultList()))
        .chain(ids -> forwardEach(ids, why, before, detail));
  }

  private Uni<Void> forwardEach(List<UUID> ids, ForwardReason why, Instant before, String detail) {
    return Multi.createFrom()
        .iterable(ids)
        .onItem()
        .transformToUniAndConcatenate(id -> forward(id, why, before, detail))
        .collect()
        .asList()
        .replaceWithVoid();
  }

  // One inquiry that cannot be forwarded now must not hold up the others of the round.
  private Uni<Void> forward(UUID id, ForwardReason why, Instant before, String detail) {
    return Conflicts.<Void>retry(
            () ->
                Panache.withTransaction(
                    () ->
                        locks
                            .inquiryWithTeams(id, null)
                            .chain(
                                inquiry ->
                                    overdue(inquiry, why, before)
                                        ? forwarder.forward(inquiry, why, detail, false)
                                        : Uni.createFrom().voidItem())))
        .onFailure()
        .recoverWithUni(
            e -> {
              LOG.warnf(e, "Inquiry %s not forwarded (%s); the next round retries", id, why);
              return Uni.createFrom().voidItem();
            });
  }

  private boolean overdue(Inquiry inquiry, ForwardReason why, Instant before) {
    if (inquiry == null || inquiry.forwardLevel > config.levels()) {
      return false;
    }
    return why == ForwardReason.NOT_ACCEPTED
        ? inquiry.status == InquiryStatus.ASSIGNED
            && inquiry.assignedAt != null
            && inquiry.assignedAt.isBefore(before)
        : inquiry.status == InquiryStatus.ACCEPTED
            && inquiry.awaitingReplySince != null
            && inquiry.awaitingReplySince.isBefore(before);
  }
}

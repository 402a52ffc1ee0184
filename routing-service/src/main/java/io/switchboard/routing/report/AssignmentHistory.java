package io.switchboard.routing.report;

import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.InquiryAccepted;
import io.switchboard.contracts.InquiryAssigned;
import io.switchboard.contracts.InquiryEvent;
import io.switchboard.contracts.InquiryForwarded;
import io.switchboard.contracts.InquiryStatus;
import io.switchboard.contracts.InquiryStatusChanged;
import io.switchboard.contracts.OperatorReplied;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Keeps report_assignment up to date from events. Every statement is idempotent (keyed by the
 * assigning event, or only filling what is still empty), so a redelivered event changes nothing.
 */
@ApplicationScoped
public class AssignmentHistory {
  private static final String END_OTHERS =
      "update routing.report_assignment set ended_at = $3"
          + " where inquiry_id = $1 and ended_at is null and id <> $2 and assigned_at <= $3";
  private static final String START =
      "insert into routing.report_assignment (id, inquiry_id, operator_id, team_id, assigned_at)"
          + " values ($1, $2, $3, $4, $5) on conflict (id) do nothing";
  // Acceptance and replies belong to the assignment that held the inquiry at that moment, so a
  // reply read after the resolution or the next assignment (another topic) still counts.
  private static final String HELD_AT =
      " where inquiry_id = $1 and assigned_at <= $2 and (ended_at is null or ended_at >= $2)";
  private static final String ACCEPTED =
      "update routing.report_assignment set accepted_at = $2"
          + HELD_AT
          + " and accepted_at is null";
  private static final String REPLIED =
      "update routing.report_assignment set first_reply_at = $2"
          + HELD_AT
          + " and first_reply_at is null";
  private static final String RESOLVED =
      "update routing.report_assignment set resolved_at = $2, ended_at = $2"
          + " where inquiry_id = $1 and ended_at is null";
  private static final String FORWARDED =
      "update routing.report_assignment set forwarded = true"
          + " where id = (select id from routing.report_assignment"
          + " where inquiry_id = $1 and operator_id = $2 order by assigned_at desc limit 1)";

  private final Pool pool;

  public AssignmentHistory(Pool pool) {
    this.pool = pool;
  }

  /** Records what the event tells about an assignment; other events change nothing. */
  public Uni<Void> record(InquiryEvent event) {
    UUID inquiry = UUID.fromString(event.inquiryId());
    OffsetDateTime at = utc(event.occurredAt());
    return switch (event) {
      case InquiryAssigned assigned when assigned.operatorId() != null ->
          pool.withTransaction(
              connection -> started(connection, assigned, inquiry, at).replaceWithVoid());
      case InquiryAccepted accepted -> update(ACCEPTED, Tuple.of(inquiry, at));
      case OperatorReplied replied -> update(REPLIED, Tuple.of(inquiry, at));
      case InquiryStatusChanged changed when changed.current() == InquiryStatus.RESOLVED ->
          update(RESOLVED, Tuple.of(inquiry, at));
      case InquiryForwarded forwarded when forwarded.fromOperatorId() != null ->
          update(FORWARDED, Tuple.of(inquiry, forwarded.fromOperatorId()));
      default -> Uni.createFrom().voidItem();
    };
  }

  private static Uni<?> started(
      SqlConnection connection, InquiryAssigned assigned, UUID inquiry, OffsetDateTime at) {
    return connection
        .preparedQuery(END_OTHERS)
        .execute(Tuple.of(inquiry, assigned.eventId(), at))
        .chain(
            () ->
                connection
                    .preparedQuery(START)
                    .execute(
                        Tuple.of(
                            assigned.eventId(),
                            inquiry,
                            assigned.operatorId(),
                            assigned.teamId(),
                            at)));
  }

  private Uni<Void> update(String sql, Tuple parameters) {
    return pool.preparedQuery(sql).execute(parameters).replaceWithVoid();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}

package io.switchboard.routing.report;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.InquiryAccepted;
import io.switchboard.contracts.InquiryAssigned;
import io.switchboard.contracts.InquiryEvent;
import io.switchboard.contracts.InquiryForwarded;
import io.switchboard.contracts.InquiryStatus;
import io.switchboard.contracts.InquiryStatusChanged;
import io.switchboard.contracts.OperatorReplied;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Keeps report_assignment up to date from events, in the caller's transaction. Every statement is
 * idempotent (keyed by the assigning event, or only filling what is still empty), so an event
 * applied again changes nothing.
 */
@ApplicationScoped
public class AssignmentHistory {
  private static final String END_OTHERS =
      "update routing.report_assignment set ended_at = :at"
          + " where inquiry_id = :inquiry and ended_at is null and id <> :id and assigned_at <= :at";
  private static final String START =
      "insert into routing.report_assignment (id, inquiry_id, operator_id, team_id, assigned_at)"
          + " values (:id, :inquiry, :operator, :team, :at) on conflict (id) do nothing";
  // Acceptance and replies belong to the assignment that held the inquiry at that moment, so a
  // reply read after the resolution or the next assignment (another topic) still counts.
  private static final String HELD_AT =
      " where inquiry_id = :inquiry and assigned_at <= :at and (ended_at is null or ended_at >= :at)";
  private static final String ACCEPTED =
      "update routing.report_assignment set accepted_at = :at"
          + HELD_AT
          + " and accepted_at is null";
  private static final String REPLIED =
      "update routing.report_assignment set first_reply_at = :at"
          + HELD_AT
          + " and first_reply_at is null";
  private static final String RESOLVED =
      "update routing.report_assignment set resolved_at = :at, ended_at = :at"
          + " where inquiry_id = :inquiry and ended_at is null";
  private static final String FORWARDED =
      "update routing.report_assignment set forwarded = true"
          + " where id = (select id from routing.report_assignment"
          + " where inquiry_id = :inquiry and operator_id = :operator"
          + " order by assigned_at desc limit 1)";

  /** Whether the event tells anything about an assignment. */
  public static boolean records(InquiryEvent event) {
    return switch (event) {
      case InquiryAssigned assigned -> assigned.operatorId() != null;
      case InquiryAccepted accepted -> true;
      case OperatorReplied replied -> true;
      case InquiryStatusChanged changed -> changed.current() == InquiryStatus.RESOLVED;
      case InquiryForwarded forwarded -> forwarded.fromOperatorId() != null;
      default -> false;
    };
  }

  /**
   * Records the events, ordered by inquiry (each inquiry's in their order): the report-lifecycle
   * and report-inbound batches then lock report rows in the same order and never deadlock.
   */
  public Uni<Void> recordAll(List<InquiryEvent> events) {
    return Multi.createFrom()
        .iterable(events.stream().sorted(Comparator.comparing(InquiryEvent::inquiryId)).toList())
        .onItem()
        .transformToUniAndConcatenate(this::record)
        .collect()
        .last()
        .replaceWithVoid();
  }

  private Uni<Void> record(InquiryEvent event) {
    UUID inquiry = UUID.fromString(event.inquiryId());
    OffsetDateTime at = utc(event.occurredAt());
    return switch (event) {
      case InquiryAssigned assigned when assigned.operatorId() != null ->
          execute(END_OTHERS, Map.of("inquiry", inquiry, "id", assigned.eventId(), "at", at))
              .chain(
                  () ->
                      execute(
                          START,
                          Map.of(
                              "id", assigned.eventId(),
                              "inquiry", inquiry,
                              "operator", assigned.operatorId(),
                              "team", assigned.teamId(),
                              "at", at)));
      case InquiryAccepted accepted -> execute(ACCEPTED, Map.of("inquiry", inquiry, "at", at));
      case OperatorReplied replied -> execute(REPLIED, Map.of("inquiry", inquiry, "at", at));
      case InquiryStatusChanged changed when changed.current() == InquiryStatus.RESOLVED ->
          execute(RESOLVED, Map.of("inquiry", inquiry, "at", at));
      case InquiryForwarded forwarded when forwarded.fromOperatorId() != null ->
          execute(FORWARDED, Map.of("inquiry", inquiry, "operator", forwarded.fromOperatorId()));
      default -> Uni.createFrom().voidItem();
    };
  }

  private static Uni<Void> execute(String sql, Map<String, Object> parameters) {
    return Panache.getSession()
        .chain(
            session -> {
              var statement = session.createNativeMutationQuery(sql);
              parameters.forEach(statement::setParameter);
              return statement.executeUpdate();
            })
        .replaceWithVoid();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}

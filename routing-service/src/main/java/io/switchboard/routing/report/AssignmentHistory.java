package io.switchboard.routing.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import io.switchboard.routing.SqlJson;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps report_assignment up to date from events, in the caller's transaction, a batch at a time:
 * one statement per kind of event rather than per event. Every statement is idempotent (keyed by
 * the assigning event or by the reply's inquiry and time, only filling what is still empty), so an
 * event applied again changes nothing.
 *
 * <p>A statement touches only the rows of its events' inquiries, so events of different inquiries
 * need no order among them; an inquiry's own events must keep theirs. A batch is therefore applied
 * in steps: the first event of every inquiry, then the second of those that have one, and so on;
 * within a step each inquiry has one event and the statements' order does not matter. Rows are
 * locked in id order in every statement, so the report consumers never wait on each other in a
 * cycle.
 */
@ApplicationScoped
public class AssignmentHistory {
  private static final String ROWS =
      "jsonb_to_recordset(cast(cast(:rows as text) as jsonb))"
          + " as a(id uuid, inquiry uuid, operator text, team text, at timestamptz)";
  // An acceptance belongs to the assignment that held the inquiry at that moment.
  private static final String HELD_AT =
      "r.assigned_at <= a.at and (r.ended_at is null or r.ended_at >= a.at)";

  /** The statements an event takes part in, in the order they run within a step. */
  private enum Kind {
    END_OTHERS(
        update("ended_at = t.at", "r.ended_at is null and r.id <> a.id and r.assigned_at <= a.at")),
    START(
        "insert into routing.report_assignment (id, inquiry_id, operator_id, team_id, assigned_at)"
            + " select a.id, a.inquiry, a.operator, a.team, a.at from "
            + ROWS
            + " on conflict (id) do nothing"),
    ACCEPTED(update("accepted_at = t.at", HELD_AT + " and r.accepted_at is null")),
    // Replies are kept by inquiry and time; which assignment a reply answers is decided when the
    // report is read (OperatorsRepository), since a reply from ingest can be read before the
    // assignment that held the inquiry. One answer can come twice (an OperatorReplied on
    // inquiries.inbound, then routing's InquiryStatusChanged with operatorReplied, stamped later):
    // the earlier counts as the first reply, and an event applied again adds nothing.
    REPLIED(
        "insert into routing.report_reply (inquiry_id, replied_at) select a.inquiry, a.at from "
            + ROWS
            + " order by a.inquiry, a.at on conflict do nothing"),
    RESOLVED(update("resolved_at = t.at, ended_at = t.at", "r.ended_at is null")),
    // The forwarded-from operator's latest assignment of the inquiry.
    FORWARDED(
        update(
            "forwarded = true",
            "r.operator_id = a.operator and r.assigned_at = (select max(x.assigned_at)"
                + " from routing.report_assignment x"
                + " where x.inquiry_id = a.inquiry and x.operator_id = a.operator)"));

    private final String sql;

    Kind(String sql) {
      this.sql = sql;
    }

    // The rows to change are locked in id order first; the update then waits for nothing.
    private static String update(String set, String where) {
      return "with target as (select r.id, a.at from routing.report_assignment r join "
          + ROWS
          + " on r.inquiry_id = a.inquiry where "
          + where
          + " order by r.id for update of r)"
          + " update routing.report_assignment r set "
          + set
          + " from target t where r.id = t.id";
    }
  }

  /** Whether the event tells anything about an assignment. */
  public static boolean records(InquiryEvent event) {
    return switch (event) {
      case InquiryAssigned assigned -> assigned.operatorId() != null;
      case InquiryAccepted accepted -> true;
      case OperatorReplied replied -> true;
      // An answer recorded through routing's API is only a status change with operatorReplied.
      case InquiryStatusChanged changed ->
          changed.operatorReplied() || changed.current() == InquiryStatus.RESOLVED;
      case InquiryForwarded forwarded -> forwarded.fromOperatorId() != null;
      default -> false;
    };
  }

  /** Records the events; each inquiry's in their order. */
  public Uni<Void> recordAll(List<InquiryEvent> events) {
    return Multi.createFrom()
        .iterable(steps(events))
        .onItem()
        .transformToUniAndConcatenate(this::apply)
        .collect()
        .last()
        .replaceWithVoid();
  }

  /** Step k holds the k-th recorded event of every inquiry that has one. */
  private static List<List<InquiryEvent>> steps(List<InquiryEvent> events) {
    List<List<InquiryEvent>> steps = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (InquiryEvent event : events) {
      if (!records(event)) {
        continue;
      }
      int step = seen.merge(event.inquiryId(), 1, Integer::sum) - 1;
      if (step == steps.size()) {
        steps.add(new ArrayList<>());
      }
      steps.get(step).add(event);
    }
    return steps;
  }

  private Uni<Void> apply(List<InquiryEvent> step) {
    Map<Kind, ArrayNode> rows = new EnumMap<>(Kind.class);
    for (InquiryEvent event : step) {
      switch (event) {
        case InquiryAssigned assigned -> {
          row(rows, Kind.END_OTHERS, event).put("id", assigned.eventId().toString());
          row(rows, Kind.START, event)
              .put("id", assigned.eventId().toString())
              .put("operator", assigned.operatorId())
              .put("team", assigned.teamId());
        }
        case InquiryAccepted accepted -> row(rows, Kind.ACCEPTED, event);
        case OperatorReplied replied -> row(rows, Kind.REPLIED, event);
        case InquiryStatusChanged changed -> {
          if (changed.operatorReplied()) {
            row(rows, Kind.REPLIED, event);
          }
          if (changed.current() == InquiryStatus.RESOLVED) {
            row(rows, Kind.RESOLVED, event);
          }
        }
        case InquiryForwarded forwarded ->
            row(rows, Kind.FORWARDED, event).put("operator", forwarded.fromOperatorId());
        default -> {}
      }
    }
    Uni<Void> chain = Uni.createFrom().voidItem();
    for (Map.Entry<Kind, ArrayNode> kind : rows.entrySet()) {
      chain = chain.chain(() -> execute(kind.getKey().sql, kind.getValue()));
    }
    return chain;
  }

  private static ObjectNode row(Map<Kind, ArrayNode> rows, Kind kind, InquiryEvent event) {
    return rows.computeIfAbsent(kind, k -> SqlJson.rows())
        .addObject()
        .put("inquiry", event.inquiryId())
        .put("at", SqlJson.instant(event.occurredAt()));
  }

  private static Uni<Void> execute(String sql, ArrayNode rows) {
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeMutationQuery(sql)
                    .setParameter("rows", rows.toString())
                    .executeUpdate())
        .replaceWithVoid();
  }
}

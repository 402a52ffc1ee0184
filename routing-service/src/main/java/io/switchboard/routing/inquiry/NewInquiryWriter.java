package io.switchboard.routing.inquiry;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.EventIds;
import io.switchboard.contracts.InquiryAssigned;
import io.switchboard.contracts.InquiryEvent;
import io.switchboard.contracts.InquiryKind;
import io.switchboard.contracts.InquiryPrioritized;
import io.switchboard.contracts.InquiryQueued;
import io.switchboard.contracts.InquiryReceived;
import io.switchboard.contracts.InquiryStatus;
import io.switchboard.platform.outbox.Outbox;
import io.switchboard.routing.SqlJson;
import io.switchboard.routing.assignment.Choice;
import io.switchboard.routing.lifecycle.StatusChanges;
import io.switchboard.routing.metrics.AssignmentReason;
import io.switchboard.routing.metrics.RoutingMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Writes a batch of decided new inquiries in the caller's transaction: the inquiries in one insert,
 * their events in one outbox insert (each inquiry's in the usual order: prioritized, then assigned
 * or queued, then its status change), and their metrics once the transaction commits.
 */
@ApplicationScoped
class NewInquiryWriter {
  private static final Logger LOG = Logger.getLogger(NewInquiryWriter.class);
  private static final String SYSTEM = "system";
  // An inquiry that exists already (its receipt redelivered under another event id) stays as it is.
  private static final String INSERT =
      """
      with inserted as (
        insert into routing.inquiry (id, ticket, channel, kind, language, customer_key, segment,
               priority, matched_rules, status, team_id, topic, team_rule, operator_id,
               received_at, assigned_at, automatic)
        select r.id, r.ticket, r.channel, r.kind, r.language, r.customer_key, r.segment,
               r.priority, r.matched_rules, r.status, r.team_id, r.topic, r.team_rule,
               r.operator_id, r.received_at, r.assigned_at, r.automatic
          from jsonb_to_recordset(cast(cast(:rows as text) as jsonb))
               as r(id uuid, ticket text, channel text,
               kind text, language text, customer_key text, segment text, priority text,
               matched_rules text, status text, team_id text, topic text, team_rule text,
               operator_id text, received_at timestamptz, assigned_at timestamptz,
               automatic boolean)
        on conflict (id) do nothing
        returning id)
      select id from inserted
      """;

  private final Outbox outbox;
  private final RoutingMetrics metrics;

  NewInquiryWriter(Outbox outbox, RoutingMetrics metrics) {
    this.outbox = outbox;
    this.metrics = metrics;
  }

  /** Writes the decided inquiries, assigned or queued at {@code at}. */
  Uni<Void> write(List<InquiryDraft> drafts, Instant at) {
    return insert(drafts, at)
        .chain(
            inserted -> {
              List<InquiryDraft> written =
                  drafts.stream().filter(d -> inserted.contains(d.id())).toList();
              if (written.size() < drafts.size()) {
                LOG.infof(
                    "%d inquiries of the batch existed already; left as they are",
                    drafts.size() - written.size());
              }
              written.forEach(d -> count(d, at));
              return outbox.stageAll(events(written, at));
            });
  }

  private Uni<Set<UUID>> insert(List<InquiryDraft> drafts, Instant now) {
    String rows = rows(drafts, now);
    return Panache.getSession()
        .chain(
            s -> s.createNativeQuery(INSERT, UUID.class).setParameter("rows", rows).getResultList())
        .map(HashSet::new);
  }

  private static String rows(List<InquiryDraft> drafts, Instant now) {
    ArrayNode rows = SqlJson.rows();
    for (InquiryDraft d : drafts) {
      InquiryReceived r = d.received();
      String operator = d.operatorId();
      rows.addObject()
          .put("id", d.id().toString())
          .put("ticket", r.ticket())
          .put("channel", r.channel().name())
          .put("kind", (r.kind() == null ? InquiryKind.MESSAGE : r.kind()).name())
          .put("language", r.language())
          .put("customer_key", d.customerKey())
          .put("segment", d.segment())
          .put("priority", d.priority().priority().name())
          .put("matched_rules", String.join(",", d.priority().matchedRules()))
          .put("status", d.status().name())
          .put("team_id", d.team().team())
          .put("topic", d.team().topic())
          .put("team_rule", d.team().rule())
          .put("operator_id", operator)
          .put("received_at", SqlJson.instant(r.occurredAt()))
          .put("assigned_at", operator == null ? null : SqlJson.instant(now))
          .put("automatic", r.automatic());
    }
    return rows.toString();
  }

  /** Per inquiry, in batch order: prioritized, then assigned or queued, then its status change. */
  private static List<InquiryEvent> events(List<InquiryDraft> drafts, Instant now) {
    List<InquiryEvent> events = new ArrayList<>();
    for (InquiryDraft d : drafts) {
      String id = d.id().toString();
      var priority = d.priority().priority();
      String team = d.team().team();
      events.add(
          new InquiryPrioritized(
              EventIds.next(),
              id,
              now,
              InquiryPrioritized.SCHEMA_VERSION,
              priority,
              d.priority().matchedRules(),
              d.segment(),
              team,
              d.team().topic(),
              d.team().rule()));
      if (d.outcome() == null) {
        continue;
      }
      String reason;
      if (d.outcome().choice().isPresent()) {
        Choice choice = d.outcome().choice().get();
        reason = choice.reason();
        events.add(
            new InquiryAssigned(
                EventIds.next(),
                id,
                now,
                InquiryAssigned.SCHEMA_VERSION,
                team,
                choice.operatorId(),
                priority,
                reason));
      } else {
        reason = d.outcome().whyNobody();
        events.add(
            new InquiryQueued(
                EventIds.next(), id, now, InquiryQueued.SCHEMA_VERSION, team, priority, reason));
      }
      events.add(
          StatusChanges.event(d.id(), InquiryStatus.NEW, d.status(), SYSTEM, reason, false, now));
    }
    return events;
  }

  /** Metrics (after commit) and the log line of one written inquiry. */
  private void count(InquiryDraft d, Instant now) {
    InquiryReceived r = d.received();
    var priority = d.priority().priority();
    String team = d.team().team();
    metrics.prioritized(r.channel(), priority);
    String placed;
    if (d.outcome() == null) {
      metrics.automatic(r.channel());
      placed = "machine-written: kept, not assigned";
    } else if (d.outcome().choice().isPresent()) {
      Choice choice = d.outcome().choice().get();
      metrics.assigned(
          team,
          AssignmentReason.of(false, InquiryStatus.NEW, false, choice.reason()),
          priority,
          r.occurredAt(),
          now,
          true);
      metrics.statusChanged(InquiryStatus.ASSIGNED, team, choice.operatorId());
      placed = "assigned to " + choice.operatorId() + ": " + choice.reason();
    } else {
      metrics.statusChanged(InquiryStatus.QUEUED, team, null);
      placed = "queued: " + d.outcome().whyNobody();
    }
    LOG.infof(
        "Inquiry %s is %s by rules %s; team %s, topic %s by team rule %s; %s",
        d.id(),
        priority,
        d.priority().matchedRules(),
        team,
        d.team().topic(),
        d.team().rule(),
        placed);
  }
}
